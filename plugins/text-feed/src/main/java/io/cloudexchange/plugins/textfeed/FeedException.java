package io.cloudexchange.plugins.textfeed;

/** A feed that could not be read; the message never holds a credential. */
final class FeedException extends RuntimeException {

    enum Kind { BAD_URL, AUTHENTICATION, REFUSED, UNAVAILABLE }

    private final Kind kind;

    FeedException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }
}
