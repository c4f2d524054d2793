package io.cloudexchange.plugin.api;

import java.util.Map;
import java.util.Optional;

/** Small persistent storage for one plugin configuration (tokens, cursors, cached ids). */
public interface KeyValueStore {

    Optional<String> get(String key);

    void put(String key, String value);

    void remove(String key);

    /** A snapshot of all entries. */
    Map<String, String> asMap();
}
