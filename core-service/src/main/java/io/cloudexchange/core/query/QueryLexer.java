package io.cloudexchange.core.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits query text into tokens; every token keeps its offset for error messages. */
final class QueryLexer {

    enum Kind { WORD, STRING, NUMBER, DURATION, COMPARISON, LPAREN, RPAREN, COMMA, PLUS, MINUS, END }

    record Token(Kind kind, String text, int offset, Object value) {

        boolean isKeyword(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }

        String describe() {
            return switch (kind) {
                case END -> "end of query";
                case STRING -> "string " + text;
                default -> "'" + text + "'";
            };
        }
    }

    static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "contains", "regex", "true", "false", "now");

    private final String text;
    private int position;

    private QueryLexer(String text) {
        this.text = text;
    }

    static List<Token> tokenize(String text) {
        QueryLexer lexer = new QueryLexer(text);
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = lexer.next();
            tokens.add(token);
        } while (token.kind() != Kind.END);
        return tokens;
    }

    private Token next() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
        int start = position;
        if (position >= text.length()) {
            return new Token(Kind.END, "", start, null);
        }
        char c = text.charAt(position);
        if (c == '"' || c == '\'') {
            return string(c);
        }
        if (isDigit(c) || (c == '.' && position + 1 < text.length() && isDigit(text.charAt(position + 1)))) {
            return number();
        }
        if (isWordStart(c)) {
            return word();
        }
        position++;
        switch (c) {
            case '(':
                return new Token(Kind.LPAREN, "(", start, null);
            case ')':
                return new Token(Kind.RPAREN, ")", start, null);
            case ',':
                return new Token(Kind.COMMA, ",", start, null);
            case '+':
                return new Token(Kind.PLUS, "+", start, null);
            case '-':
                return new Token(Kind.MINUS, "-", start, null);
            case '<':
            case '>':
                return comparison(start, String.valueOf(c) + (take('=') ? "=" : ""));
            case '=':
                if (take('=')) {
                    return comparison(start, "==");
                }
                throw new QueryException("'=' is not an operator; expected '=='", text, start);
            case '!':
                if (take('=')) {
                    return comparison(start, "!=");
                }
                throw new QueryException("'!' is not an operator; expected '!=' (or NOT before a condition)", text, start);
            default:
                throw new QueryException("unexpected character '" + c + "'", text, start);
        }
    }

    private Token comparison(int start, String symbol) {
        return new Token(Kind.COMPARISON, symbol, start, null);
    }

    private boolean take(char expected) {
        if (position < text.length() && text.charAt(position) == expected) {
            position++;
            return true;
        }
        return false;
    }

    private Token string(char quote) {
        int start = position++;
        StringBuilder value = new StringBuilder();
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == quote) {
                return new Token(Kind.STRING, text.substring(start, position), start, value.toString());
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (position >= text.length()) {
                break;
            }
            int escapeOffset = position - 1;
            char escaped = text.charAt(position++);
            switch (escaped) {
                case '"', '\'', '\\', '/' -> value.append(escaped);
                case 'n' -> value.append('\n');
                case 't' -> value.append('\t');
                case 'r' -> value.append('\r');
                case 'u' -> value.append(unicodeEscape(escapeOffset));
                default -> throw new QueryException("unknown escape '\\" + escaped
                        + "' in string; expected one of \\\" \\' \\\\ \\/ \\n \\t \\r \\uXXXX", text, escapeOffset);
            }
        }
        throw new QueryException("unterminated string; expected a closing " + quote, text, start);
    }

    private char unicodeEscape(int escapeOffset) {
        if (position + 4 > text.length()) {
            throw new QueryException("expected 4 hexadecimal digits after \\u", text, escapeOffset);
        }
        try {
            char c = (char) Integer.parseInt(text.substring(position, position + 4), 16);
            position += 4;
            return c;
        } catch (NumberFormatException e) {
            throw new QueryException("expected 4 hexadecimal digits after \\u", text, escapeOffset);
        }
    }

    private Token number() {
        int start = position;
        skipDigits();
        if (position < text.length() && text.charAt(position) == '.') {
            position++;
            skipDigits();
        }
        if (position < text.length() && (text.charAt(position) == 'e' || text.charAt(position) == 'E')
                && position + 1 < text.length()
                && (isDigit(text.charAt(position + 1)) || "+-".indexOf(text.charAt(position + 1)) >= 0)) {
            position += 2;
            skipDigits();
        }
        String digits = text.substring(start, position);
        if (position < text.length() && isWordPart(text.charAt(position))) {
            DurationUnit unit = DurationUnit.of(text.charAt(position));
            boolean alone = position + 1 >= text.length() || !isWordPart(text.charAt(position + 1));
            if (unit != null && alone && digits.chars().allMatch(QueryLexer::isDigit)) {
                position++;
                long amount = new BigDecimal(digits).longValueExact();
                return new Token(Kind.DURATION, text.substring(start, position), start, amount * unit.seconds());
            }
            throw new QueryException("invalid number; expected digits, or a duration such as 7d (units s, m, h, d, w)",
                    text, start);
        }
        try {
            return new Token(Kind.NUMBER, digits, start, new BigDecimal(digits));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new QueryException("invalid number '" + digits + "'", text, start);
        }
    }

    private Token word() {
        int start = position;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (isWordPart(c)) {
                position++;
            } else if (c == '.' && position + 1 < text.length() && isWordPart(text.charAt(position + 1))) {
                position++;
            } else {
                break;
            }
        }
        String word = text.substring(start, position);
        return new Token(Kind.WORD, word, start, word.toLowerCase(Locale.ROOT));
    }

    private void skipDigits() {
        while (position < text.length() && isDigit(text.charAt(position))) {
            position++;
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || isDigit(c);
    }
}
