package io.cloudexchange.plugin.testkit;

import io.cloudexchange.plugin.api.KeyValueStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link KeyValueStore} kept in memory, so a test can pre-fill it and inspect what a plugin stored. */
public final class InMemoryKeyValueStore implements KeyValueStore {

    private final Map<String, String> entries = new ConcurrentHashMap<>();

    public InMemoryKeyValueStore() {
    }

    public InMemoryKeyValueStore(Map<String, String> initial) {
        entries.putAll(initial);
    }

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
