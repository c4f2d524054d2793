package io.cloudexchange.plugins.netskope.json;

/** Text that is not valid JSON, or not the JSON expected. */
public final class JsonException extends RuntimeException {

    public JsonException(String message) {
        super(message);
    }
}
