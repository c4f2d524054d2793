package io.cloudexchange.core.cls.mapping;

/**
 * One reusable builder per thread for the line being mapped: a record's line is copied out with
 * {@code toString()}, so the builder's growth happens once per thread rather than per record.
 */
final class LineBuffers {

    private static final int INITIAL = 2048;
    private static final int KEEP_AT_MOST = 64 * 1024;
    private static final ThreadLocal<StringBuilder> BUFFER = ThreadLocal.withInitial(() -> new StringBuilder(INITIAL));

    private LineBuffers() {
    }

    static StringBuilder empty() {
        StringBuilder buffer = BUFFER.get();
        if (buffer.capacity() > KEEP_AT_MOST) {
            buffer = new StringBuilder(INITIAL);
            BUFFER.set(buffer);
        }
        buffer.setLength(0);
        return buffer;
    }

    /** Appends a converted value: numbers as digits (they need no escaping), text through the escaper. */
    static boolean appendNumber(StringBuilder out, Object value) {
        if (value instanceof Long number) {
            out.append(number.longValue());
            return true;
        }
        return false;
    }
}
