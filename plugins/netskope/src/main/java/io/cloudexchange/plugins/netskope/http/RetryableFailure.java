package io.cloudexchange.plugins.netskope.http;

import java.time.Duration;

/**
 * One attempt failed in a way worth retrying.
 *
 * @see #serverMayHaveActed()
 */
public final class RetryableFailure extends Exception {

    private final int status;
    private final Duration retryAfter;
    private final boolean serverMayHaveActed;

    RetryableFailure(String message, int status, Duration retryAfter, boolean serverMayHaveActed, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryAfter = retryAfter;
        this.serverMayHaveActed = serverMayHaveActed;
    }

    /** A broken or truncated body: the tenant answered, so it did act on the request. */
    public static RetryableFailure brokenBody(String problem, Throwable cause) {
        return new RetryableFailure("broken response body: " + problem, 200, Duration.ZERO, true, cause);
    }

    public int status() {
        return status;
    }

    /** The wait the tenant asked for (429 {@code Retry-After}), or zero. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /**
     * False only when the tenant certainly did nothing (429, 409). After a 5xx, a timeout or a broken
     * body it may have acted, e.g. moved an iterator on.
     */
    public boolean serverMayHaveActed() {
        return serverMayHaveActed;
    }
}
