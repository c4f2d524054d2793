package io.cloudexchange.core.cls.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Capped exponential waits with ±20 % jitter (never above the cap), so destinations that failed together do not retry in lockstep. */
final class DeliveryBackoff {

    private final Duration initial;
    private final Duration max;

    DeliveryBackoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /**
     * @param attempt 1 after the first failure
     * @param hint the destination's Retry-After, or null; honoured up to {@code max}
     */
    Duration before(int attempt, Duration hint) {
        long base = initial.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
        long capped = Math.min(base, max.toMillis());
        long jittered = Math.min(max.toMillis(),
                Math.round(capped * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble())));
        if (hint != null && hint.toMillis() > jittered) {
            jittered = Math.min(hint.toMillis(), max.toMillis());
        }
        return Duration.ofMillis(Math.max(jittered, 1));
    }
}
