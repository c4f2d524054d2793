package io.cloudexchange.plugins.netskope.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A strict JSON parser of UTF-8 bytes to plain Java values: objects become {@link LinkedHashMap}s,
 * arrays {@link ArrayList}s, strings {@link String}s, {@code true}/{@code false} {@link Boolean}s,
 * null null. Integers a double holds exactly (|n| ≤ 2^53) become {@link Long}s; larger integers stay
 * exact as their decimal {@link String} (64-bit ids); other numbers become {@link Double}s.
 * <p>
 * It reads a stream as it arrives (a gzip body is parsed while it downloads, without a copy of the
 * whole text), reuses one {@link String} per field name, and sizes each object's map like the
 * previous one, since export records of a page share their fields.
 */
public final class JsonReader {

    /** 2^53, 16 digits: longer integers never fit a double exactly. */
    private static final long MAX_EXACT = 1L << 53;
    private static final int MAX_DEPTH = 256;
    /** Depth of the records in {@code {"result": [record, ...]}}. */
    private static final int RECORD_DEPTH = 3;
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");

    private final InputStream in;
    private byte[] buffer;
    private int pos;
    private int limit;
    private long consumedBefore;
    private int depth;
    private byte[] scratch = new byte[128];
    private final FieldNames names = new FieldNames();
    private int lastObjectSize;

    /** Field names whose integer values become strings (ids); null: no records are captured. */
    private final Set<String> idFields;
    /** Fields of a captured record read into its map; the others are only checked and captured. */
    private final Set<String> keptFields;
    /** Whether the value being read is the direct value of an id field of a captured record. */
    private boolean idValue;
    /** Whether the value being read is checked and captured only, not made into Java values. */
    private boolean skipping;
    private boolean capturing;
    private int captureFrom;
    private final CapturedText captured = new CapturedText();

    private JsonReader(InputStream in, byte[] buffer, int limit, Set<String> idFields, Set<String> keptFields) {
        this.in = in;
        this.buffer = buffer;
        this.limit = limit;
        this.idFields = idFields;
        this.keptFields = keptFields;
    }

    private JsonReader(InputStream in, byte[] buffer, int limit) {
        this(in, buffer, limit, null, null);
    }

    /**
     * Parses a JSON object of the stream whose fields hold arrays of objects (records, as the {@code result} of an
     * export page): each of them becomes a {@link CapturedRecord}, whose fields named in {@code idFields} hold
     * strings for integers.
     */
    public static Object parseRecords(InputStream in, Set<String> idFields) throws IOException {
        return parseRecords(in, idFields, null);
    }

    /**
     * As {@link #parseRecords(InputStream, Set)}, with only the {@code keptFields} of each record in its map
     * (the others are checked and captured in its text, not made into Java values); null keeps them all.
     */
    public static Object parseRecords(InputStream in, Set<String> idFields, Set<String> keptFields)
            throws IOException {
        try {
            return new JsonReader(in, new byte[65536], 0, idFields, keptFields).document();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Parses one record's text captured by {@link #parseRecords}, as that read it. */
    public static Map<String, Object> parseRecord(byte[] utf8, Set<String> idFields) {
        return asObject(new JsonReader(null, utf8, utf8.length, idFields, null).recordDocument());
    }

    private Object recordDocument() {
        skipWhitespace();
        if (peek() != '{') {
            throw error("expected a JSON object");
        }
        depth = RECORD_DEPTH - 1;
        Object value = object();
        skipWhitespace();
        if (available()) {
            throw error("unexpected text after the value");
        }
        return value;
    }

    /** Parses one JSON value that fills the whole text. */
    public static Object parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new JsonReader(null, bytes, bytes.length).document();
    }

    /** Parses one JSON value that fills the whole stream of UTF-8 bytes, reading it to its end. */
    public static Object parse(InputStream in) throws IOException {
        try {
            return new JsonReader(in, new byte[65536], 0).document();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Parses a JSON object. */
    public static Map<String, Object> parseObject(String text) {
        return asObject(parse(text));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new JsonException("expected a JSON object");
    }

    private Object document() {
        skipWhitespace();
        Object value = value();
        skipWhitespace();
        if (available()) {
            throw error("unexpected text after the value");
        }
        return value;
    }

    private Object value() {
        byte c = peek();
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string(false);
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected character '" + (char) (c & 0xff) + "'");
            }
        };
    }

    private Map<String, Object> object() {
        enter();
        idValue = false;
        boolean record = idFields != null && depth == RECORD_DEPTH && !skipping;
        if (record) {
            capturing = true;
            captureFrom = pos;
            captured.start();
        }
        pos++;
        int capacity = Math.max(16, (int) (lastObjectSize / 0.75f) + 1);
        Map<String, Object> map = skipping ? null : record ? new CapturedRecord(capacity) : new LinkedHashMap<>(capacity);
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return leave(map, record);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a field name");
            }
            String name = string(true);
            skipWhitespace();
            expect(':');
            skipWhitespace();
            idValue = record && idFields.contains(name);
            if (map == null) {
                value();
            } else if (record && keptFields != null && !keptFields.contains(name)) {
                skipping = true;
                value();
                skipping = false;
            } else {
                map.put(name, value());
            }
            idValue = false;
            skipWhitespace();
            byte c = next();
            if (c == '}') {
                return leave(map, record);
            }
            if (c != ',') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private Map<String, Object> leave(Map<String, Object> map, boolean record) {
        depth--;
        if (map == null) {
            return null;
        }
        lastObjectSize = map.size();
        if (record) {
            flushCapture();
            capturing = false;
            ((CapturedRecord) map).complete(captured.toBytes(), captured.exact());
        }
        return map;
    }

    /** Moves the bytes read since {@link #captureFrom} to the captured text. */
    private void flushCapture() {
        captured.append(buffer, captureFrom, pos);
        captureFrom = pos;
    }

    private List<Object> array() {
        enter();
        idValue = false;
        pos++;
        List<Object> list = skipping ? null : new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return list;
        }
        while (true) {
            skipWhitespace();
            Object element = value();
            if (list != null) {
                list.add(element);
            }
            skipWhitespace();
            byte c = next();
            if (c == ']') {
                depth--;
                return list;
            }
            if (c != ',') {
                throw error("expected ',' or ']'");
            }
        }
    }

    /** A string; UTF-8 sequences never contain a quote, backslash or control byte, so bytes are scanned. */
    private String string(boolean fieldName) {
        pos++;
        for (int i = pos; i < limit; i++) {
            byte b = buffer[i];
            if (b == '"') {
                String value = fieldName ? names.name(buffer, pos, i - pos) : skipping ? null : text(buffer, pos, i - pos);
                pos = i + 1;
                return value;
            }
            if (b == '\\' || (b >= 0 && b < 0x20)) {
                break;
            }
        }
        return slowString(fieldName);
    }

    /** A string with escapes or across buffer refills: collected in {@link #scratch}. */
    private String slowString(boolean fieldName) {
        StringBuilder unescaped = null;
        int length = 0;
        while (true) {
            if (!available()) {
                throw error("unterminated string");
            }
            byte b = buffer[pos++];
            if (b == '"') {
                if (unescaped == null) {
                    return fieldName ? names.name(scratch, 0, length) : text(scratch, 0, length);
                }
                return unescaped.append(text(scratch, 0, length)).toString();
            }
            if (b >= 0 && b < 0x20) {
                pos--;
                throw error("control character in a string");
            }
            if (b == '\\') {
                unescaped = (unescaped == null ? new StringBuilder() : unescaped).append(text(scratch, 0, length));
                length = 0;
                unescaped.append(escape());
                continue;
            }
            if (length == scratch.length) {
                scratch = Arrays.copyOf(scratch, length * 2);
            }
            scratch[length++] = b;
        }
    }

    private char escape() {
        byte escape = next();
        return switch (escape) {
            case '"', '\\', '/' -> (char) escape;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicodeEscape();
            default -> throw error("invalid escape '\\" + (char) (escape & 0xff) + "'");
        };
    }

    private char unicodeEscape() {
        int code = 0;
        for (int i = 0; i < 4; i++) {
            if (!available()) {
                throw error("truncated \\u escape");
            }
            int digit = Character.digit(buffer[pos++], 16);
            if (digit < 0) {
                throw error("invalid \\u escape");
            }
            code = code * 16 + digit;
        }
        return (char) code;
    }

    private static String text(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }

    private Object number() {
        int capturedStart = -1;
        if (capturing) {
            flushCapture();
            capturedStart = captured.length();
        }
        boolean id = idValue;
        Object value = numberValue();
        if (id) {
            if (value instanceof Long) {
                value = value.toString();
            } else if (value instanceof Double) {
                captured.inexact();
            }
        }
        if (capturing && value instanceof String) {
            flushCapture();
            captured.quoteFrom(capturedStart);
        }
        return value;
    }

    private Object numberValue() {
        int length = 0;
        boolean integer = true;
        int digits = 0;
        int intDigits = -1;
        boolean leadingZero = false;
        while (available()) {
            byte b = buffer[pos];
            if (b >= '0' && b <= '9') {
                if (integer && digits == 0 && b == '0') {
                    leadingZero = true;
                }
                digits++;
            } else if (b == '.' || b == 'e' || b == 'E') {
                if (intDigits < 0) {
                    intDigits = digits;
                }
                integer = false;
            } else if (b != '-' && b != '+') {
                break;
            }
            if (length == scratch.length) {
                scratch = Arrays.copyOf(scratch, length * 2);
            }
            scratch[length++] = b;
            pos++;
        }
        if (intDigits < 0) {
            intDigits = digits;
        }
        String literal = new String(scratch, 0, length, StandardCharsets.ISO_8859_1);
        boolean plainInteger = integer && digits > 0 && digits == length - (scratch[0] == '-' ? 1 : 0);
        if (!plainInteger && !NUMBER.matcher(literal).matches() || leadingZero && intDigits > 1) {
            throw error("invalid number");
        }
        if (!integer) {
            return Double.parseDouble(literal);
        }
        if (digits <= 15) {
            return Long.parseLong(literal);
        }
        if (digits > 16) {
            return literal;
        }
        long value = Long.parseLong(literal);
        return Math.abs(value) <= MAX_EXACT ? (Object) value : literal;
    }

    private Object literal(String word, Object value) {
        for (int i = 0; i < word.length(); i++) {
            if (!available() || buffer[pos] != word.charAt(i)) {
                throw error("invalid literal");
            }
            pos++;
        }
        return value;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH);
        }
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("expected '" + c + "'");
        }
    }

    private byte peek() {
        if (!available()) {
            throw error("unexpected end of input");
        }
        return buffer[pos];
    }

    private byte next() {
        byte c = peek();
        pos++;
        return c;
    }

    private void skipWhitespace() {
        while (available()) {
            byte c = buffer[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    /** Whether a byte is left, reading more of the stream when the buffer is used up. */
    private boolean available() {
        if (pos < limit) {
            return true;
        }
        if (in == null) {
            return false;
        }
        if (capturing) {
            flushCapture();
        }
        try {
            consumedBefore += limit;
            pos = 0;
            captureFrom = 0;
            limit = 0;
            int read = in.read(buffer, 0, buffer.length);
            limit = Math.max(read, 0);
            return read > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonException error(String problem) {
        return new JsonException(problem + " at offset " + (consumedBefore + pos));
    }
}
