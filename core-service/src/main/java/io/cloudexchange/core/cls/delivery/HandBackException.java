package io.cloudexchange.core.cls.delivery;

/** The worker gives the batch back to its queue unacknowledged (shutdown, or held too long); nothing is lost. */
class HandBackException extends RuntimeException {

    HandBackException(String message) {
        super(message);
    }
}
