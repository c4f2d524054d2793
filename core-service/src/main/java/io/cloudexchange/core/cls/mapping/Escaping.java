package io.cloudexchange.core.cls.mapping;

/** The escaping rules of CEF and LEEF, appending to the line being built. */
final class Escaping {

    private Escaping() {
    }

    /** CEF header fields: {@code \} and {@code |} escaped; a header cannot span lines, so CR and LF become spaces. */
    static void cefHeader(StringBuilder out, String value) {
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '|' -> out.append("\\|");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
    }

    /** CEF extension values: {@code \} and {@code =} escaped, newline as {@code \n}, carriage return as {@code \r}. */
    static void cefExtension(StringBuilder out, String value) {
        int n = value.length();
        int clean = 0;
        while (clean < n) {
            char c = value.charAt(clean);
            if (c == '\\' || c == '=' || c == '\n' || c == '\r') {
                break;
            }
            clean++;
        }
        out.append(value, 0, clean);
        for (int i = clean; i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '=' -> out.append("\\=");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    /** LEEF header fields: as CEF headers. */
    static void leefHeader(StringBuilder out, String value) {
        cefHeader(out, value);
    }

    /**
     * LEEF attribute values: {@code \} and the delimiter escaped with {@code \}, newline as {@code \n},
     * carriage return as {@code \r} (a syslog line cannot hold them).
     */
    static void leefValue(StringBuilder out, String value, char delimiter) {
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c == delimiter) {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else {
                out.append(c);
            }
        }
    }
}
