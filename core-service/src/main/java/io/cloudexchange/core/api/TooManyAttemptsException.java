package io.cloudexchange.core.api;

import java.time.Duration;

/** Too many failed sign-ins from one source address (429, with {@code Retry-After}). */
public class TooManyAttemptsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyAttemptsException(Duration retryAfter) {
        super("Too many failed sign-ins from this address; try again in " + Math.max(1, retryAfter.toMinutes() + 1) + " minutes");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
