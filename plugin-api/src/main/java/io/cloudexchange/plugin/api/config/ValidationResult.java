package io.cloudexchange.plugin.api.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of a validation: problems keyed by field (so the UI can place each message next to
 * its input) plus an optional general message. Valid when there are no field errors and no
 * general error.
 */
public record ValidationResult(Map<String, String> fieldErrors, String message) {

    private static final ValidationResult OK = new ValidationResult(Map.of(), null);

    public ValidationResult {
        fieldErrors = fieldErrors == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    public static ValidationResult ok() {
        return OK;
    }

    public static ValidationResult fieldError(String field, String problem) {
        return new ValidationResult(Map.of(field, problem), null);
    }

    /** A problem that belongs to no single field (e.g. "the server refused the connection"). */
    public static ValidationResult error(String message) {
        return new ValidationResult(Map.of(), message);
    }

    public boolean isValid() {
        return fieldErrors.isEmpty() && message == null;
    }

    /** Both results' problems; the first message wins when both have one. */
    public ValidationResult and(ValidationResult other) {
        if (other.isValid()) {
            return this;
        }
        if (isValid()) {
            return other;
        }
        Map<String, String> merged = new LinkedHashMap<>(fieldErrors);
        other.fieldErrors.forEach(merged::putIfAbsent);
        return new ValidationResult(merged, message != null ? message : other.message);
    }

    /** Collects field errors one at a time. */
    public static final class Builder {
        private final Map<String, String> errors = new LinkedHashMap<>();
        private String message;

        public Builder field(String field, String problem) {
            errors.putIfAbsent(field, problem);
            return this;
        }

        public Builder message(String text) {
            this.message = text;
            return this;
        }

        public boolean hasError(String field) {
            return errors.containsKey(field);
        }

        public ValidationResult build() {
            return errors.isEmpty() && message == null ? OK : new ValidationResult(errors, message);
        }
    }

    public static Builder builder() {
        return new Builder();
    }
}
