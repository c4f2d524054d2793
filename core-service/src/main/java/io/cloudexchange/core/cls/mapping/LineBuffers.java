package io.cloudexchange.core.cls.mapping;

import java.util.Arrays;

/**
 * One reusable builder per thread for the line being mapped, and one array for the values a record's fields hold:
 * a line is copied out with {@code toString()}, so the builder's growth happens once per thread rather than per
 * record.
 */
final class LineBuffers {

    private static final int INITIAL = 2048;
    private static final int KEEP_AT_MOST = 64 * 1024;
    private static final ThreadLocal<LineBuffers> PER_THREAD = ThreadLocal.withInitial(LineBuffers::new);

    private StringBuilder line = new StringBuilder(INITIAL);
    private Object[] values = new Object[64];

    private LineBuffers() {
    }

    static LineBuffers ofThisThread() {
        return PER_THREAD.get();
    }

    StringBuilder emptyLine() {
        if (line.capacity() > KEEP_AT_MOST) {
            line = new StringBuilder(INITIAL);
        }
        line.setLength(0);
        return line;
    }

    /** An array of at least {@code size} slots, all null; hand it back with {@link #release}. */
    Object[] values(int size) {
        if (values.length < size) {
            values = new Object[size];
        }
        return values;
    }

    /** Forgets the record's values, so the array keeps no record alive. */
    void release(Object[] used, int size) {
        Arrays.fill(used, 0, size, null);
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
