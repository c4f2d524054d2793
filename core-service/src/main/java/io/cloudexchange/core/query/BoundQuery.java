package io.cloudexchange.core.query;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A query checked against a {@link QueryFields} catalog: fields resolved to storage paths, values
 * converted to what is stored ({@code String}, {@code Long}, {@code Double}, {@code Boolean},
 * {@code java.time.Instant}). Both the MongoDB filter and the in-memory matcher are built from it.
 */
public sealed interface BoundQuery {

    record AllOf(List<BoundQuery> operands) implements BoundQuery {
        public AllOf {
            operands = List.copyOf(operands);
        }
    }

    record AnyOf(List<BoundQuery> operands) implements BoundQuery {
        public AnyOf {
            operands = List.copyOf(operands);
        }
    }

    record Not(BoundQuery operand) implements BoundQuery {
    }

    /**
     * One condition. For {@link Operator#REGEX} and {@link Operator#CONTAINS} the value is a
     * {@link TextPattern}; for IN / NOT IN the values are the list, otherwise there is one value.
     */
    record Test(QueryField field, Operator operator, List<Object> values) implements BoundQuery {
        public Test {
            values = List.copyOf(values);
        }

        public Object value() {
            return values.get(0);
        }
    }

    /**
     * A pattern for regex and contains: {@code source} in the syntax both MongoDB and Java accept,
     * case-insensitive or not.
     */
    record TextPattern(String source, boolean caseInsensitive) {

        public Pattern compile() {
            return Pattern.compile(source, caseInsensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        }

        public String mongoOptions() {
            return caseInsensitive ? "i" : "";
        }
    }
}
