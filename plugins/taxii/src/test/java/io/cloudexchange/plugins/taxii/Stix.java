package io.cloudexchange.plugins.taxii;

import java.util.LinkedHashMap;
import java.util.Map;

/** STIX 2.1 indicator objects for tests. */
final class Stix {

    private Stix() {
    }

    static Map<String, Object> indicator(String id, String pattern) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("type", "indicator");
        object.put("spec_version", "2.1");
        object.put("id", "indicator--" + id);
        object.put("created", "2025-12-30T10:00:00.000Z");
        object.put("modified", "2025-12-30T10:00:00.000Z");
        object.put("pattern", pattern);
        object.put("pattern_type", "stix");
        object.put("valid_from", "2025-12-30T10:00:00Z");
        return object;
    }

    static Map<String, Object> with(Map<String, Object> object, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(object);
        copy.put(key, value);
        return copy;
    }
}
