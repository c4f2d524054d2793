package io.cloudexchange.core.messaging;

/** The broker did not confirm a batch. */
public class BatchPublishException extends RuntimeException {

    public BatchPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
