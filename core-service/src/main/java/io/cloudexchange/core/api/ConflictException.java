package io.cloudexchange.core.api;

/** A unique value is already used (409), reported against the field that holds it. */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public static ConflictException nameUsed(String name) {
        return new ConflictException("name", "'" + name + "' is already used");
    }

    public String field() {
        return field;
    }
}
