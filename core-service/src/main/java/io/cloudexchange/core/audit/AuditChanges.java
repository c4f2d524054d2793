package io.cloudexchange.core.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Collects the fields that differ between two versions of a resource; secret values are never kept. */
public final class AuditChanges {

    public static final String MASK = "****";

    private final List<AuditChange> changes = new ArrayList<>();

    public static AuditChanges of() {
        return new AuditChanges();
    }

    /** Records the field when its value differs; null means absent (created or deleted). */
    public AuditChanges field(String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(new AuditChange(name, text(before), text(after)));
        }
        return this;
    }

    /** Records every key of two maps that differs, as {@code prefix.key}. */
    public AuditChanges fields(String prefix, Map<?, ?> before, Map<?, ?> after) {
        Map<String, Object> old = byName(before);
        Map<String, Object> next = byName(after);
        for (String key : keys(old, next)) {
            field(prefix + "." + key, old.get(key), next.get(key));
        }
        return this;
    }

    /** Records secrets that were set, changed or removed, showing only {@value #MASK} for any value. */
    public AuditChanges secrets(String prefix, Map<String, ?> before, Map<String, ?> after) {
        for (String key : keys(before, after)) {
            Object old = before.get(key);
            Object next = after.get(key);
            if (!Objects.equals(old, next)) {
                changes.add(new AuditChange(prefix + "." + key, old == null ? null : MASK, next == null ? null : MASK));
            }
        }
        return this;
    }

    public List<AuditChange> toList() {
        return List.copyOf(changes);
    }

    private static Map<String, Object> byName(Map<?, ?> values) {
        Map<String, Object> named = new LinkedHashMap<>();
        values.forEach((key, value) -> named.put(String.valueOf(key), value));
        return named;
    }

    private static Set<String> keys(Map<String, ?> before, Map<String, ?> after) {
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        return keys;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Set<?> set) {
            return new TreeSet<>(set.stream().map(String::valueOf).toList()).toString();
        }
        return String.valueOf(value);
    }
}
