package io.cloudexchange.core.query;

import io.cloudexchange.core.query.QueryLexer.Kind;
import io.cloudexchange.core.query.QueryLexer.Token;
import io.cloudexchange.core.query.QueryNode.Literal;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads query text into a {@link QueryNode} tree (recursive descent, no dependencies). Grammar, with
 * keywords case-insensitive:
 *
 * <pre>
 * query      = or END
 * or         = and { "OR" and }
 * and        = unary { "AND" unary }
 * unary      = "NOT" unary | "(" or ")" | condition
 * condition  = FIELD ( COMPARISON literal | "contains" literal | "regex" literal | [ "NOT" ] "IN" list )
 * list       = "(" literal { "," literal } ")"
 * literal    = STRING | [ "-" ] NUMBER | "true" | "false" | "now" [ ( "+" | "-" ) DURATION ]
 * </pre>
 */
public final class QueryParser {

    public static final int MAX_LENGTH = 10_000;
    static final int MAX_DEPTH = 50;
    static final int MAX_LIST_SIZE = 1_000;

    private final String text;
    private final List<Token> tokens;
    private int index;
    private int depth;

    private QueryParser(String text) {
        this.text = text;
        this.tokens = QueryLexer.tokenize(text);
    }

    /** Parses a query; throws {@link QueryException} saying where and what was expected. */
    public static QueryNode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new QueryException("empty query; expected a condition such as type == \"url\"", text == null ? "" : text, 0);
        }
        if (text.length() > MAX_LENGTH) {
            throw new QueryException("query longer than " + MAX_LENGTH + " characters", text, MAX_LENGTH);
        }
        QueryParser parser = new QueryParser(text);
        QueryNode node = parser.or();
        Token end = parser.peek();
        if (end.kind() != Kind.END) {
            throw parser.error("expected AND, OR or end of query", end);
        }
        return node;
    }

    private QueryNode or() {
        List<QueryNode> operands = new ArrayList<>(List.of(and()));
        while (peek().isKeyword("or")) {
            index++;
            operands.add(and());
        }
        return operands.size() == 1 ? operands.get(0) : new QueryNode.Or(operands);
    }

    private QueryNode and() {
        List<QueryNode> operands = new ArrayList<>(List.of(unary()));
        while (peek().isKeyword("and")) {
            index++;
            operands.add(unary());
        }
        return operands.size() == 1 ? operands.get(0) : new QueryNode.And(operands);
    }

    private QueryNode unary() {
        Token token = peek();
        if (++depth > MAX_DEPTH) {
            throw error("query nested deeper than " + MAX_DEPTH + " levels", token);
        }
        try {
            if (token.isKeyword("not")) {
                index++;
                return new QueryNode.Not(unary());
            }
            if (token.kind() == Kind.LPAREN) {
                index++;
                QueryNode inner = or();
                expect(Kind.RPAREN, "expected ')' to close the '(' at offset " + token.offset());
                return inner;
            }
            return condition();
        } finally {
            depth--;
        }
    }

    private QueryNode condition() {
        Token field = peek();
        if (field.kind() != Kind.WORD || QueryLexer.KEYWORDS.contains((String) field.value())) {
            throw error("expected a field name, NOT or '('", field);
        }
        index++;
        Token operatorToken = next();
        Operator operator = operator(operatorToken);
        if (operator.takesList()) {
            return new QueryNode.Condition(field.text(), field.offset(), operator, list());
        }
        return new QueryNode.Condition(field.text(), field.offset(), operator, List.of(literal()));
    }

    private Operator operator(Token token) {
        if (token.kind() == Kind.COMPARISON) {
            return switch (token.text()) {
                case "==" -> Operator.EQ;
                case "!=" -> Operator.NE;
                case "<" -> Operator.LT;
                case "<=" -> Operator.LE;
                case ">" -> Operator.GT;
                default -> Operator.GE;
            };
        }
        if (token.isKeyword("contains")) {
            return Operator.CONTAINS;
        }
        if (token.isKeyword("regex")) {
            return Operator.REGEX;
        }
        if (token.isKeyword("in")) {
            return Operator.IN;
        }
        if (token.isKeyword("not") && peek().isKeyword("in")) {
            index++;
            return Operator.NOT_IN;
        }
        throw error("expected an operator (==, !=, <, <=, >, >=, contains, regex, IN, NOT IN)", token);
    }

    private List<Literal> list() {
        Token open = expect(Kind.LPAREN, "expected '(' to start the list of values");
        List<Literal> values = new ArrayList<>();
        values.add(literal());
        while (peek().kind() == Kind.COMMA) {
            index++;
            if (values.size() == MAX_LIST_SIZE) {
                throw error("list longer than " + MAX_LIST_SIZE + " values", peek());
            }
            values.add(literal());
        }
        expect(Kind.RPAREN, "expected ',' or ')' to close the list opened at offset " + open.offset());
        return values;
    }

    private Literal literal() {
        Token token = next();
        switch (token.kind()) {
            case STRING:
                return new Literal.Text((String) token.value(), token.offset());
            case NUMBER:
                return new Literal.Number((BigDecimal) token.value(), token.offset());
            case MINUS:
                Token number = peek();
                if (number.kind() == Kind.NUMBER && number.offset() == token.offset() + 1) {
                    index++;
                    return new Literal.Number(((BigDecimal) number.value()).negate(), token.offset());
                }
                throw error("expected a number after '-'", number);
            case WORD:
                if (token.isKeyword("true") || token.isKeyword("false")) {
                    return new Literal.Bool(token.isKeyword("true"), token.offset());
                }
                if (token.isKeyword("now")) {
                    return now(token);
                }
                break;
            default:
                break;
        }
        throw error("expected a value (a quoted string, a number, true, false or now)", token);
    }

    private Literal now(Token now) {
        Token sign = peek();
        if (sign.kind() != Kind.PLUS && sign.kind() != Kind.MINUS) {
            return new Literal.Now(Duration.ZERO, now.offset());
        }
        index++;
        Token duration = next();
        if (duration.kind() != Kind.DURATION) {
            throw error("expected a duration such as 7d after now " + sign.text() + " (units s, m, h, d, w)", duration);
        }
        Duration shift = Duration.ofSeconds((Long) duration.value());
        return new Literal.Now(sign.kind() == Kind.MINUS ? shift.negated() : shift, now.offset());
    }

    private Token expect(Kind kind, String expectation) {
        Token token = next();
        if (token.kind() != kind) {
            throw error(expectation, token);
        }
        return token;
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        Token token = tokens.get(index);
        if (token.kind() != Kind.END) {
            index++;
        }
        return token;
    }

    private QueryException error(String expectation, Token found) {
        return new QueryException(expectation + ", found " + found.describe(), text, found.offset());
    }
}
