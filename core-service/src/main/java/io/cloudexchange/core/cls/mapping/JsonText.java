package io.cloudexchange.core.cls.mapping;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the values a source hands over (text, numbers, booleans, null, nested maps and lists) as JSON straight
 * into the line being built, exactly as Jackson's default generator writes them: {@code "} and {@code \} escaped,
 * control characters as {@code \b \t \n \f \r} or {@code \}{@code u00XX} (upper-case hex), everything else,
 * non-ASCII included, as it is; non-finite doubles as strings. Any other value, and a map with a key that is not
 * text, is written by Jackson's data binding.
 */
final class JsonText {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** Deeper structures are left to Jackson, which enforces its own nesting limit. */
    private static final int MAX_DEPTH = 64;
    private static final int NAMES_KEPT = 4096;
    private static final Map<String, String> NAMES = new ConcurrentHashMap<>();

    private JsonText() {
    }

    /** {@code "name":} with the name escaped. */
    static void name(StringBuilder out, String name) {
        string(out, name);
        out.append(':');
    }

    /**
     * As {@link #name}, remembering the text of the names seen (a source's records share a few hundred field
     * names, mostly the very same {@code String} instances), up to {@link #NAMES_KEPT} of them.
     */
    static void recurringName(StringBuilder out, String name) {
        String text = NAMES.get(name);
        if (text == null) {
            StringBuilder written = new StringBuilder(name.length() + 3);
            name(written, name);
            text = written.toString();
            if (NAMES.size() < NAMES_KEPT) {
                NAMES.put(name, text);
            }
        }
        out.append(text);
    }

    static void value(StringBuilder out, Object value) {
        value(out, value, 0);
    }

    private static void value(StringBuilder out, Object value, int depth) {
        if (value instanceof String text) {
            string(out, text);
        } else if (value instanceof Integer number) {
            out.append(number.intValue());
        } else if (value instanceof Long number) {
            out.append(number.longValue());
        } else if (value instanceof Double number) {
            double d = number;
            if (Double.isFinite(d)) {
                out.append(Double.toString(d));
            } else {
                out.append('"').append(d).append('"');
            }
        } else if (value instanceof Boolean flag) {
            out.append(flag.booleanValue());
        } else if (value == null) {
            out.append("null");
        } else if (value instanceof BigInteger number) {
            out.append(number);
        } else if (value instanceof Map<?, ?> map && depth < MAX_DEPTH) {
            object(out, map, depth + 1);
        } else if (value instanceof List<?> list && depth < MAX_DEPTH) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                value(out, list.get(i), depth + 1);
            }
            out.append(']');
        } else {
            out.append(JSON.writeValueAsString(value));
        }
    }

    private static void object(StringBuilder out, Map<?, ?> map, int depth) {
        int start = out.length();
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                out.setLength(start);
                out.append(JSON.writeValueAsString(map));
                return;
            }
            if (!first) {
                out.append(',');
            }
            recurringName(out, key);
            value(out, entry.getValue(), depth);
            first = false;
        }
        out.append('}');
    }

    /** A quoted string; one without characters to escape (most) is appended whole. */
    static void string(StringBuilder out, String text) {
        out.append('"');
        int n = text.length();
        int clean = 0;
        while (clean < n) {
            char c = text.charAt(clean);
            if (c < 0x20 || c == '"' || c == '\\') {
                break;
            }
            clean++;
        }
        if (clean == n) {
            out.append(text);
        } else {
            out.append(text, 0, clean);
            for (int i = clean; i < n; i++) {
                char c = text.charAt(i);
                if (c < 0x20 || c == '"' || c == '\\') {
                    escape(out, c);
                } else {
                    out.append(c);
                }
            }
        }
        out.append('"');
    }

    private static void escape(StringBuilder out, char c) {
        out.append('\\');
        switch (c) {
            case '"', '\\' -> out.append(c);
            case '\b' -> out.append('b');
            case '\t' -> out.append('t');
            case '\n' -> out.append('n');
            case '\f' -> out.append('f');
            case '\r' -> out.append('r');
            default -> out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
        }
    }
}
