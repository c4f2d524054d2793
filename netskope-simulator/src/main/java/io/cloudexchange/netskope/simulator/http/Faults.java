package io.cloudexchange.netskope.simulator.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failures to inject into the next API requests, each for a number of requests. Thread-safe; a
 * request takes at most one fault of each kind.
 */
public final class Faults {

    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger truncated = new AtomicInteger();
    private final AtomicInteger slow = new AtomicInteger();
    private final AtomicInteger tooManyRequests = new AtomicInteger();
    private volatile Duration slowDelay = Duration.ZERO;
    private volatile int retryAfterSeconds = 1;

    /** The next {@code count} requests fail with 500 before doing anything. */
    public Faults serverErrors(int count) {
        serverErrors.set(count);
        return this;
    }

    /** The next {@code count} requests are processed (an iterator moves on) but their body is cut in half. */
    public Faults truncatedBodies(int count) {
        truncated.set(count);
        return this;
    }

    /** The next {@code count} requests wait {@code delay} before being processed. */
    public Faults slowResponses(int count, Duration delay) {
        slowDelay = delay;
        slow.set(count);
        return this;
    }

    /** The next {@code count} requests get 429 with {@code Retry-After}, whatever the rate. */
    public Faults tooManyRequests(int count, int retryAfter) {
        retryAfterSeconds = retryAfter;
        tooManyRequests.set(count);
        return this;
    }

    public void clear() {
        serverErrors.set(0);
        truncated.set(0);
        slow.set(0);
        tooManyRequests.set(0);
    }

    boolean takeServerError() {
        return take(serverErrors);
    }

    boolean takeTruncated() {
        return take(truncated);
    }

    Duration takeSlowDelay() {
        return take(slow) ? slowDelay : Duration.ZERO;
    }

    int takeTooManyRequests() {
        return take(tooManyRequests) ? retryAfterSeconds : 0;
    }

    private static boolean take(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
}
