package io.cloudexchange.core.pull;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Pull counters and timings, tagged by module and plugin. */
@Component
class PullMetrics {

    private final MeterRegistry registry;

    PullMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void page(Tags tags, int items, int rejected) {
        registry.counter("cloudexchange.pull.pages", tags).increment();
        registry.counter("cloudexchange.pull.items", tags).increment(items);
        registry.counter("cloudexchange.pull.rejected", tags).increment(rejected);
    }

    void failure(Tags tags) {
        registry.counter("cloudexchange.pull.failures", tags).increment();
    }

    void run(Tags tags, String outcome, Duration duration) {
        Timer.builder("cloudexchange.pull.duration").tags(tags).tag("outcome", outcome)
                .register(registry).record(duration);
    }
}
