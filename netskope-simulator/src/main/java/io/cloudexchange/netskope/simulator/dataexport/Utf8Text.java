package io.cloudexchange.netskope.simulator.dataexport;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Text built as UTF-8 bytes: a page of records is rendered once, straight into the bytes it is served as. */
final class Utf8Text {

    private byte[] bytes;
    private int length;

    Utf8Text(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    Utf8Text append(char c) {
        if (c < 0x80) {
            ensure(1);
            bytes[length++] = (byte) c;
            return this;
        }
        return append(String.valueOf(c));
    }

    Utf8Text append(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return appendEncoded(text, i);
            }
            bytes[length++] = (byte) c;
        }
        return this;
    }

    Utf8Text append(long value) {
        return append(Long.toString(value));
    }

    Utf8Text append(boolean value) {
        return append(value ? "true" : "false");
    }

    private Utf8Text appendEncoded(String text, int from) {
        byte[] encoded = text.substring(from).getBytes(StandardCharsets.UTF_8);
        ensure(encoded.length);
        System.arraycopy(encoded, 0, bytes, length, encoded.length);
        length += encoded.length;
        return this;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
