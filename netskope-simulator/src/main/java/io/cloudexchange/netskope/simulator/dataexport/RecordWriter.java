package io.cloudexchange.netskope.simulator.dataexport;

/** Appends one JSON object's fields to a buffer, comma-separated, with strings escaped. */
final class RecordWriter {

    private final Utf8Text out;
    private boolean first = true;

    RecordWriter(Utf8Text out) {
        this.out = out;
        out.append('{');
    }

    RecordWriter string(String name, String value) {
        name(name);
        quote(out, value);
        return this;
    }

    RecordWriter number(String name, long value) {
        name(name);
        out.append(value);
        return this;
    }

    /** An unsigned 64-bit id written as a JSON number, as tenants do (above 2^53, so doubles lose digits). */
    RecordWriter unsignedId(String name, long value) {
        name(name);
        out.append(Long.toUnsignedString(value));
        return this;
    }

    RecordWriter bool(String name, boolean value) {
        name(name);
        out.append(value);
        return this;
    }

    void end() {
        out.append('}');
    }

    private void name(String name) {
        if (!first) {
            out.append(',');
        }
        first = false;
        quote(out, name);
        out.append(':');
    }

    static void quote(Utf8Text out, String value) {
        out.append('"');
        int plain = 0;
        while (plain < value.length()) {
            char c = value.charAt(plain);
            if (c < 0x20 || c == '"' || c == '\\') {
                break;
            }
            plain++;
        }
        if (plain == value.length()) {
            out.append(value).append('"');
            return;
        }
        StringBuilder escaped = new StringBuilder(value.length() + 8).append(value, 0, plain);
        for (int i = plain; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        out.append(escaped.toString());
        out.append('"');
    }
}
