package io.cloudexchange.core.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the API refuses as a whole (400): problems keyed by field, plus an optional general
 * message (e.g. a plugin's own check that belongs to no single field).
 */
public class InvalidRequestException extends RuntimeException {

    private final transient Map<String, String> errors;

    public InvalidRequestException(Map<String, String> errors, String message) {
        super(message);
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    public static InvalidRequestException field(String field, String problem) {
        return new InvalidRequestException(Map.of(field, problem), null);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
