package io.cloudexchange.plugin.api;

import java.util.Map;
import java.util.Optional;

/**
 * Where a pull stopped. Opaque to the core: the plugin writes what it needs to resume (an iterator
 * position, a timestamp, a page token). The core stores it only after the batch pulled with it was
 * confirmed by the broker, so a crash replays a batch and never skips one.
 */
public record Checkpoint(Map<String, String> values) {

    private static final Checkpoint INITIAL = new Checkpoint(Map.of());

    public Checkpoint {
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    /** The checkpoint of a configuration that never pulled. */
    public static Checkpoint initial() {
        return INITIAL;
    }

    public static Checkpoint of(String key, String value) {
        return new Checkpoint(Map.of(key, value));
    }

    public boolean isInitial() {
        return values.isEmpty();
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public Checkpoint with(String key, String value) {
        var copy = new java.util.HashMap<>(values);
        copy.put(key, value);
        return new Checkpoint(copy);
    }
}
