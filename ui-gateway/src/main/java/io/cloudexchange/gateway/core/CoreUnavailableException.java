package io.cloudexchange.gateway.core;

/** Core-service could not be reached. */
public class CoreUnavailableException extends RuntimeException {

    public static final String MESSAGE = "Core service unavailable, try again";

    CoreUnavailableException(Throwable cause) {
        super(MESSAGE, cause);
    }
}
