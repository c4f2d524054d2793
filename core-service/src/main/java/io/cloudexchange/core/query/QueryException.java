package io.cloudexchange.core.query;

/**
 * A query that cannot be used: a syntax error, an unknown field, an operator a field does not allow or
 * a value of the wrong type. {@link #offset()} is the 0-based character offset of the problem in the
 * query text ({@link #line()} and {@link #column()} are 1-based).
 */
public class QueryException extends RuntimeException {

    private final String reason;
    private final int offset;
    private final int line;
    private final int column;

    QueryException(String reason, String query, int offset) {
        super(describe(reason, query, offset));
        this.reason = reason;
        this.offset = offset;
        int end = Math.min(offset, query.length());
        int lineStart = query.lastIndexOf('\n', end - 1) + 1;
        this.line = 1 + (int) query.substring(0, end).chars().filter(c -> c == '\n').count();
        this.column = end - lineStart + 1;
    }

    private static String describe(String reason, String query, int offset) {
        return reason + " (at offset " + offset + ")";
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }

    public int offset() {
        return offset;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
