package io.cloudexchange.core.cls.mapping;

/** The escaping rules of CEF and LEEF, appending to the line being built. */
final class Escaping {

    private Escaping() {
    }

    /**
     * CEF and LEEF header fields: {@code \} and {@code |} escaped; a header cannot span lines, so CR and LF become
     * spaces.
     */
    static void header(StringBuilder out, String value) {
        escape(out, value, '|', true);
    }

    /**
     * CEF extension and LEEF attribute values: {@code \} and {@code special} (CEF's {@code =}, LEEF's delimiter)
     * escaped with {@code \}, newline as {@code \n}, carriage return as {@code \r} (a syslog line cannot hold them).
     */
    static void attribute(StringBuilder out, String value, char special) {
        escape(out, value, special, false);
    }

    /** A value without characters to escape (most) is appended whole. */
    private static void escape(StringBuilder out, String value, char special, boolean lineBreaksAsSpaces) {
        int n = value.length();
        int clean = 0;
        while (clean < n) {
            char c = value.charAt(clean);
            if (c == '\\' || c == special || c == '\n' || c == '\r') {
                break;
            }
            clean++;
        }
        if (clean == n) {
            out.append(value);
            return;
        }
        out.append(value, 0, clean);
        for (int i = clean; i < n; i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == special) {
                out.append('\\').append(c);
            } else if (c == '\n' || c == '\r') {
                if (lineBreaksAsSpaces) {
                    out.append(' ');
                } else {
                    out.append(c == '\n' ? "\\n" : "\\r");
                }
            } else {
                out.append(c);
            }
        }
    }
}
