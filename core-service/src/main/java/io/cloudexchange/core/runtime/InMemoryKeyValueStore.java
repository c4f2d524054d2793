package io.cloudexchange.core.runtime;

import io.cloudexchange.plugin.api.KeyValueStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Storage of a configuration that is not saved yet; discarded with the context. */
final class InMemoryKeyValueStore implements KeyValueStore {

    private final Map<String, String> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public void put(String key, String value) {
        entries.put(key, value);
    }

    @Override
    public void remove(String key) {
        entries.remove(key);
    }

    @Override
    public Map<String, String> asMap() {
        return Map.copyOf(entries);
    }
}
