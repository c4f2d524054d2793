package io.cloudexchange.plugins.netskope.json;

import java.util.Arrays;

/**
 * The text of the record {@link JsonReader} is reading, gathered from the reader's buffer as it is refilled, with
 * numbers quoted where the record's map holds them as strings.
 */
final class CapturedText {

    private byte[] bytes = new byte[2048];
    private int length;
    private boolean exact;

    /** Starts a new record's text. */
    void start() {
        length = 0;
        exact = true;
    }

    void append(byte[] source, int from, int to) {
        int added = to - from;
        if (added <= 0) {
            return;
        }
        if (length + added > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + added));
        }
        System.arraycopy(source, from, bytes, length, added);
        length += added;
    }

    int length() {
        return length;
    }

    /** Quotes the text from {@code start} to its end (a number the map holds as a string). */
    void quoteFrom(int start) {
        if (length + 2 > bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        System.arraycopy(bytes, start, bytes, start + 1, length - start);
        bytes[start] = '"';
        bytes[length + 1] = '"';
        length += 2;
    }

    /** The text no longer means exactly what the map holds (an id field holds a fraction). */
    void inexact() {
        exact = false;
    }

    boolean exact() {
        return exact;
    }

    byte[] toBytes() {
        return Arrays.copyOf(bytes, length);
    }
}
