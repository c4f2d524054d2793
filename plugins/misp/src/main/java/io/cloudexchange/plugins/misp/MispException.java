package io.cloudexchange.plugins.misp;

/** A MISP call that failed for good (after retries, if worth any); never holds the key. */
final class MispException extends RuntimeException {

    enum Kind { BAD_URL, AUTHENTICATION, NOT_FOUND, REFUSED, UNAVAILABLE }

    private final Kind kind;

    MispException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }
}
