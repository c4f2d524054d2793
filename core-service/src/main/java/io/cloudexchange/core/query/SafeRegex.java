package io.cloudexchange.core.query;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a {@code regex} value before it reaches MongoDB or the in-memory matcher: a length limit, a
 * syntax both engines read alike, and no constructs known for catastrophic backtracking. The only flag
 * is a leading {@code (?i)} (case-insensitive); other inline flags are refused.
 */
final class SafeRegex {

    static final int MAX_LENGTH = 256;
    private static final String CASE_INSENSITIVE_PREFIX = "(?i)";

    private SafeRegex() {
    }

    /** The checked pattern, or the reason it is refused (as a {@link QueryException} reason). */
    static BoundQuery.TextPattern check(String regex) {
        if (regex.isEmpty()) {
            throw new IllegalArgumentException("empty regex");
        }
        if (regex.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("regex longer than " + MAX_LENGTH + " characters");
        }
        boolean caseInsensitive = regex.startsWith(CASE_INSENSITIVE_PREFIX);
        String source = caseInsensitive ? regex.substring(CASE_INSENSITIVE_PREFIX.length()) : regex;
        scan(source);
        BoundQuery.TextPattern pattern = new BoundQuery.TextPattern(source, caseInsensitive);
        try {
            pattern.compile();
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regex: " + e.getDescription());
        }
        return pattern;
    }

    /** A regex matching {@code text} literally (for {@code contains}), case-insensitive. */
    static BoundQuery.TextPattern literal(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("contains takes a non-empty string");
        }
        StringBuilder escaped = new StringBuilder();
        text.codePoints().forEach(c -> {
            if ("\\^$.|?*+()[]{}-/#".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.appendCodePoint(c);
        });
        return new BoundQuery.TextPattern(escaped.toString(), true);
    }

    private static void scan(String source) {
        Deque<Boolean> groupHasQuantifier = new ArrayDeque<>();
        boolean quantified = false;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\') {
                char next = i + 1 < source.length() ? source.charAt(i + 1) : 0;
                if ((next >= '1' && next <= '9') || next == 'k') {
                    throw new IllegalArgumentException("back-references are not allowed in a regex");
                }
                if (next == 'Q' || next == 'E') {
                    throw new IllegalArgumentException("\\Q...\\E quoting is not allowed in a regex; escape with \\");
                }
                i++;
            } else if (c == '[') {
                i = skipClass(source, i);
            } else if (c == '(') {
                if (i + 1 < source.length() && source.charAt(i + 1) == '?') {
                    char kind = i + 2 < source.length() ? source.charAt(i + 2) : 0;
                    if (kind != ':' && kind != '=' && kind != '!') {
                        throw new IllegalArgumentException("only (?:...), (?=...), (?!...) groups and a leading (?i) are allowed in a regex");
                    }
                }
                groupHasQuantifier.push(quantified);
                quantified = false;
            } else if (c == ')') {
                boolean inner = quantified;
                quantified = groupHasQuantifier.isEmpty() ? quantified : groupHasQuantifier.pop();
                if (inner && i + 1 < source.length() && "*+{".indexOf(source.charAt(i + 1)) >= 0) {
                    throw new IllegalArgumentException("nested repetition such as (a+)+ is not allowed in a regex: it can take exponential time");
                }
                quantified |= inner;
            } else if ("*+?{".indexOf(c) >= 0) {
                quantified = true;
            }
        }
    }

    private static int skipClass(String source, int start) {
        int i = start + 1;
        if (i < source.length() && source.charAt(i) == '^') {
            i++;
        }
        if (i < source.length() && source.charAt(i) == ']') {
            i++;
        }
        for (; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                throw new IllegalArgumentException("nested character classes are not allowed in a regex");
            } else if (c == '&' && i + 1 < source.length() && source.charAt(i + 1) == '&') {
                throw new IllegalArgumentException("class intersection (&&) is not allowed in a regex");
            } else if (c == ']') {
                return i;
            }
        }
        return i;
    }
}
