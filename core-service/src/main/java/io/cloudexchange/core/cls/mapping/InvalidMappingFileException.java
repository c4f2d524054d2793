package io.cloudexchange.core.cls.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A mapping file that cannot be used: problems keyed by JSON path ({@code ""} for the whole file). */
public class InvalidMappingFileException extends RuntimeException {

    private final transient Map<String, String> errors;

    public InvalidMappingFileException(Map<String, String> errors) {
        super(errors.entrySet().stream()
                .map(e -> (e.getKey().isEmpty() ? "" : e.getKey() + ": ") + e.getValue())
                .collect(Collectors.joining("; ")));
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    public Map<String, String> errors() {
        return errors;
    }
}
