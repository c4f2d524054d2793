package io.cloudexchange.core.cls.mapping;

/** One record could not be mapped (e.g. a value that fails its transformation); the message says why. */
public class LogMappingException extends RuntimeException {

    public LogMappingException(String message) {
        super(message);
    }
}
