package io.cloudexchange.plugins.taxii;

/** A TAXII call that failed for good (after retries, if worth any); never holds a credential. */
final class TaxiiException extends RuntimeException {

    enum Kind { BAD_URL, AUTHENTICATION, NOT_FOUND, REFUSED, UNAVAILABLE }

    private final Kind kind;

    TaxiiException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }
}
