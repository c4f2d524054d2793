package io.cloudexchange.core.pull;

import io.cloudexchange.core.config.CloudExchangeProperties;
import io.cloudexchange.core.configurations.PluginConfiguration;
import io.cloudexchange.core.logging.PlatformLog;
import io.cloudexchange.core.messaging.BatchMessage;
import io.cloudexchange.core.messaging.BatchPublishException;
import io.cloudexchange.core.messaging.BatchPublisher;
import io.cloudexchange.core.messaging.PulledItems;
import io.cloudexchange.core.plugins.LoadedPlugin;
import io.cloudexchange.core.runtime.PluginContexts;
import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.RejectedItem;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one pull of one configuration: page after page per stream, one batch per page, and a
 * stream's checkpoint stored only after the broker confirmed the page's batch. A configuration's
 * streams (e.g. its Log Shipper alert and event types) each have their own checkpoint, so up to
 * {@code streamsInParallel} of them are pulled at the same time, each still strictly page after page;
 * a stream that fails does not stop the others, and the run fails (and backs off) if any stream did.
 */
@Component
class PullRunner implements DisposableBean {

    static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private static final int MAX_REJECTIONS_LOGGED_PER_PAGE = 20;

    private final PluginContexts contexts;
    private final BatchPublisher publisher;
    private final PullStateStore states;
    private final PlatformLog platformLog;
    private final PullMetrics metrics;
    private final JsonMapper json;
    private final Clock clock;
    private final int maxPagesPerRun;
    private final List<PullGate> gates;
    private final StreamThreads streamThreads;

    PullRunner(PluginContexts contexts, BatchPublisher publisher, PullStateStore states, PlatformLog platformLog,
               PullMetrics metrics, JsonMapper json, Clock clock, CloudExchangeProperties properties,
               List<PullGate> gates) {
        this.gates = List.copyOf(gates);
        this.contexts = contexts;
        this.publisher = publisher;
        this.states = states;
        this.platformLog = platformLog;
        this.metrics = metrics;
        this.json = json;
        this.clock = clock;
        this.maxPagesPerRun = properties.scheduler().maxPagesPerRun();
        this.streamThreads = new StreamThreads(Math.max(1, properties.scheduler().streamsInParallel()));
    }

    void run(PluginConfiguration configuration, LoadedPlugin plugin) {
        String id = configuration.id();
        String source = PlatformLog.configurationSource(id);
        Tags tags = Tags.of("module", configuration.module().name(), "plugin", plugin.id());
        int previousFailures = states.find(id).consecutiveFailures();
        Instant startedAt = clock.instant();
        states.started(id, new PullStatus(startedAt, null, PullStatus.State.RUNNING, 0, 0, "Running"));
        Tally tally = new Tally();
        List<StreamThreads.Failure> failures;
        try {
            var context = contexts.forConfiguration(configuration);
            failures = streamThreads.pullAll(PullStreams.of(configuration.module(), plugin.plugin(), context),
                    (stream, stopping) -> pullStream(configuration, plugin, stream, tally, tags, stopping));
        } catch (RuntimeException e) {
            failures = List.of(new StreamThreads.Failure(null, e));
        }
        Instant finishedAt = clock.instant();
        if (failures.isEmpty()) {
            Instant nextRunAt = tally.backlog() ? finishedAt : finishedAt.plusSeconds(configuration.pollIntervalSeconds());
            states.finished(id, new PullStatus(startedAt, finishedAt, PullStatus.State.SUCCESS, tally.items(),
                    tally.rejected(), "Pulled " + tally.items() + " items in " + tally.pages() + " pages"), nextRunAt, 0);
            metrics.run(tags, "success", Duration.between(startedAt, finishedAt));
            return;
        }
        for (StreamThreads.Failure failure : failures) {
            boolean brokerFailed = failure.cause() instanceof BatchPublishException;
            platformLog.error(source, brokerFailed ? PullErrorCodes.PUBLISH_FAILED : PullErrorCodes.PULL_FAILED,
                    (brokerFailed ? "Pulled data could not be queued, it will be pulled again: " : "Pull failed: ")
                            + failure.describe(), failure.cause());
        }
        int consecutive = previousFailures + 1;
        String message = failures.size() == 1 ? failures.get(0).describe()
                : failures.stream().map(StreamThreads.Failure::describe).collect(Collectors.joining("; "));
        states.finished(id, new PullStatus(startedAt, finishedAt, PullStatus.State.FAILED, tally.items(),
                tally.rejected(), message), finishedAt.plus(backoff(configuration.pollIntervalSeconds(), consecutive)),
                consecutive);
        metrics.failure(tags);
        metrics.run(tags, "failure", Duration.between(startedAt, finishedAt));
    }

    @Override
    public void destroy() {
        streamThreads.close();
    }

    /** Poll interval × 2^failures, at most {@link #MAX_BACKOFF}. */
    static Duration backoff(int pollIntervalSeconds, int failures) {
        long factor = 1L << Math.min(failures, 20);
        long seconds = Math.min((long) pollIntervalSeconds * factor, MAX_BACKOFF.toSeconds());
        return Duration.ofSeconds(seconds);
    }

    private void pullStream(PluginConfiguration configuration, LoadedPlugin plugin, PullStream stream, Tally tally,
                            Tags tags, AtomicBoolean stopping) {
        Checkpoint checkpoint = states.checkpoint(configuration.id(), stream.key());
        PullPage<?> page;
        int pages = 0;
        do {
            page = stream.pull().apply(checkpoint);
            logRejected(configuration, stream, page.rejected());
            if (!page.items().isEmpty()) {
                publisher.publish(batch(configuration, plugin, stream, page));
            }
            states.saveCheckpoint(configuration.id(), stream.key(), page.next());
            checkpoint = page.next();
            pages++;
            tally.add(page);
            metrics.page(tags, page.items().size(), page.rejected().size());
        } while (page.hasMore() && pages < maxPagesPerRun && !stopping.get() && mayPull(configuration.id()));
        tally.backlog(page.hasMore());
    }

    private boolean mayPull(String configurationId) {
        return gates.stream().allMatch(gate -> gate.mayPull(configurationId));
    }

    private BatchMessage batch(PluginConfiguration configuration, LoadedPlugin plugin, PullStream stream,
                               PullPage<?> page) {
        List<Map<String, Object>> items = PulledItems.of(page.items(), json);
        return new BatchMessage(UUID.randomUUID().toString(), configuration.module(), configuration.id(), plugin.id(),
                stream.key(), stream.kind(), clock.instant(), items);
    }

    private void logRejected(PluginConfiguration configuration, PullStream stream, List<RejectedItem> rejected) {
        String source = PlatformLog.configurationSource(configuration.id());
        rejected.stream().limit(MAX_REJECTIONS_LOGGED_PER_PAGE).forEach(item -> platformLog.warn(source,
                PullErrorCodes.ITEM_REJECTED, "Skipped a record of stream " + stream.key() + " ('" + item.value()
                        + "'): " + item.reason()));
        if (rejected.size() > MAX_REJECTIONS_LOGGED_PER_PAGE) {
            platformLog.warn(source, PullErrorCodes.ITEM_REJECTED, "Skipped " + (rejected.size()
                    - MAX_REJECTIONS_LOGGED_PER_PAGE) + " more records of stream " + stream.key() + " in the same page");
        }
    }

    /** Counts of one run across its streams, which may be pulled by several threads. */
    private static final class Tally {
        private long items;
        private long rejected;
        private long pages;
        private boolean backlog;

        synchronized void add(PullPage<?> page) {
            items += page.items().size();
            rejected += page.rejected().size();
            pages++;
        }

        synchronized void backlog(boolean more) {
            backlog |= more;
        }

        synchronized long items() {
            return items;
        }

        synchronized long rejected() {
            return rejected;
        }

        synchronized long pages() {
            return pages;
        }

        synchronized boolean backlog() {
            return backlog;
        }
    }
}
