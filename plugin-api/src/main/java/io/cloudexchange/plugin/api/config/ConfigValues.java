package io.cloudexchange.plugin.api.config;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read-only typed access to a configuration's values (defaults applied, secrets decrypted). */
public record ConfigValues(Map<String, Object> values) {

    public ConfigValues {
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    public static ConfigValues of(Map<String, ?> values) {
        return new ConfigValues(values == null ? Map.of() : new java.util.HashMap<>(values));
    }

    public Optional<Object> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public String string(String key) {
        Object value = values.get(key);
        return value == null ? null : value.toString();
    }

    public String string(String key, String fallback) {
        String value = string(key);
        return value == null || value.isEmpty() ? fallback : value;
    }

    public long number(String key, long fallback) {
        return values.get(key) instanceof Number n ? n.longValue() : fallback;
    }

    public double decimal(String key, double fallback) {
        return values.get(key) instanceof Number n ? n.doubleValue() : fallback;
    }

    public boolean bool(String key, boolean fallback) {
        return values.get(key) instanceof Boolean b ? b : fallback;
    }

    public List<String> list(String key) {
        return values.get(key) instanceof Collection<?> c ? c.stream().map(String::valueOf).toList() : List.of();
    }
}
