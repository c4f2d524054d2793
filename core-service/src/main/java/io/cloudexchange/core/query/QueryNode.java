package io.cloudexchange.core.query;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The syntax tree of a query, as {@link QueryParser} reads it: immutable, positions kept so that later
 * checks (unknown field, wrong type) can say where. {@link #toString()} prints the query back in its
 * canonical form.
 */
public sealed interface QueryNode {

    record And(List<QueryNode> operands) implements QueryNode {
        public And {
            operands = List.copyOf(operands);
        }

        @Override
        public String toString() {
            return operands.stream().map(QueryNode::grouped).collect(Collectors.joining(" AND "));
        }
    }

    record Or(List<QueryNode> operands) implements QueryNode {
        public Or {
            operands = List.copyOf(operands);
        }

        @Override
        public String toString() {
            return operands.stream().map(QueryNode::grouped).collect(Collectors.joining(" OR "));
        }
    }

    record Not(QueryNode operand) implements QueryNode {
        @Override
        public String toString() {
            return "NOT " + grouped(operand);
        }
    }

    /** {@code field operator value}, or {@code field IN (values)}: one value unless the operator takes a list. */
    record Condition(String field, int fieldOffset, Operator operator, List<Literal> values) implements QueryNode {
        public Condition {
            values = List.copyOf(values);
        }

        public Literal value() {
            return values.get(0);
        }

        @Override
        public String toString() {
            String operand = operator.takesList()
                    ? values.stream().map(Literal::toString).collect(Collectors.joining(", ", "(", ")"))
                    : value().toString();
            return field + " " + operator.symbol() + " " + operand;
        }
    }

    private static String grouped(QueryNode node) {
        return node instanceof And || node instanceof Or ? "(" + node + ")" : node.toString();
    }

    /** A value written in a query; its meaning (e.g. a string read as a date) depends on the field. */
    sealed interface Literal {
        int offset();

        record Text(String value, int offset) implements Literal {
            @Override
            public String toString() {
                StringBuilder quoted = new StringBuilder("\"");
                value.codePoints().forEach(c -> {
                    if (c == '"' || c == '\\') {
                        quoted.append('\\').appendCodePoint(c);
                    } else if (c == '\n') {
                        quoted.append("\\n");
                    } else if (c == '\t') {
                        quoted.append("\\t");
                    } else if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", c));
                    } else {
                        quoted.appendCodePoint(c);
                    }
                });
                return quoted.append('"').toString();
            }
        }

        record Number(BigDecimal value, int offset) implements Literal {
            @Override
            public String toString() {
                return value.toPlainString();
            }
        }

        record Bool(boolean value, int offset) implements Literal {
            @Override
            public String toString() {
                return Boolean.toString(value);
            }
        }

        /** {@code now}, optionally shifted: {@code now - 7d}. */
        record Now(Duration shift, int offset) implements Literal {
            @Override
            public String toString() {
                if (shift.isZero()) {
                    return "now";
                }
                long seconds = Math.abs(shift.getSeconds());
                String sign = shift.isNegative() ? " - " : " + ";
                return "now" + sign + DurationUnit.format(seconds);
            }
        }
    }
}
