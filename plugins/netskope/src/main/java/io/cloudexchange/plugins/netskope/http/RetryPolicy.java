package io.cloudexchange.plugins.netskope.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long one call may keep retrying, so that a pull always returns: capped exponential backoff
 * with ±10 % jitter, a bound on attempts and on the total wait, and the longest {@code Retry-After}
 * worth waiting for. Beyond these the call fails and the platform retries the whole run later.
 *
 * @param firstBackoff wait after the first failure
 * @param maxBackoff longest wait between two attempts
 * @param maxAttempts attempts per call, the first included
 * @param maxTotalWait time one call may spend waiting between attempts
 * @param requestTimeout time one request may take (a tenant can take up to 120 s for a page)
 */
public record RetryPolicy(Duration firstBackoff, Duration maxBackoff, int maxAttempts, Duration maxTotalWait,
                          Duration requestTimeout) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 6,
            Duration.ofSeconds(120), Duration.ofSeconds(120));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
    }

    /** The wait after the given failed attempt (1-based). */
    Duration backoff(int failedAttempt) {
        long base = firstBackoff.toMillis() << Math.min(failedAttempt - 1, 20);
        long capped = Math.min(base, maxBackoff.toMillis());
        double jitter = 0.9 + ThreadLocalRandom.current().nextDouble() * 0.2;
        return Duration.ofMillis((long) (capped * jitter));
    }
}
