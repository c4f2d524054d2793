package io.cloudexchange.core.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Escapes map keys chosen by plugins so they are safe as MongoDB field names: {@code .} would
 * address a nested field and a leading {@code $} an operator.
 */
public final class MongoKeys {

    private MongoKeys() {
    }

    public static String escape(String key) {
        return key.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    public static String unescape(String key) {
        return key.replace("%24", "$").replace("%2E", ".").replace("%25", "%");
    }

    public static <V> Map<String, V> escapeKeys(Map<String, V> map) {
        Map<String, V> escaped = new LinkedHashMap<>();
        map.forEach((key, value) -> escaped.put(escape(key), value));
        return escaped;
    }

    public static <V> Map<String, V> unescapeKeys(Map<String, V> map) {
        Map<String, V> plain = new LinkedHashMap<>();
        map.forEach((key, value) -> plain.put(unescape(key), value));
        return plain;
    }
}
