package io.cloudexchange.core.api;

/** The addressed resource does not exist (404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, String id) {
        super(what + " '" + id + "' does not exist");
    }
}
