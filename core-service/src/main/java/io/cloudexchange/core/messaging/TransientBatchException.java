package io.cloudexchange.core.messaging;

/** A failure that should be retried later (with backoff) rather than dead-lettered. */
public class TransientBatchException extends RuntimeException {

    public TransientBatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
