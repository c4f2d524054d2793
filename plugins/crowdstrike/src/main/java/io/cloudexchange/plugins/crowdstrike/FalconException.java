package io.cloudexchange.plugins.crowdstrike;

/** A Falcon call that failed for good (after retries, if worth any); never holds a secret or token. */
final class FalconException extends RuntimeException {

    enum Kind { BAD_URL, CREDENTIALS, FORBIDDEN, REFUSED, UNAVAILABLE }

    private final Kind kind;

    FalconException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }
}
