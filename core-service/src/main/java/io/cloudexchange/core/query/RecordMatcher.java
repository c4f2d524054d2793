package io.cloudexchange.core.query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Evaluates a {@link BoundQuery} against a record held in memory (a map, nested maps and lists for
 * dotted paths), with the semantics of the MongoDB filter {@link MongoFilters} builds from the same
 * query: a condition on a list holds if it holds for any element, {@code !=} and {@code NOT IN} hold
 * when the field is missing, values of different kinds (text vs number) never compare, numbers compare
 * by value whatever their Java type. Compiled once into a tree of small objects; thread-safe.
 */
@FunctionalInterface
public interface RecordMatcher {

    boolean matches(Map<String, ?> record);

    static RecordMatcher compile(BoundQuery query) {
        if (query instanceof BoundQuery.AllOf all) {
            RecordMatcher[] operands = all.operands().stream().map(RecordMatcher::compile).toArray(RecordMatcher[]::new);
            return record -> {
                for (RecordMatcher operand : operands) {
                    if (!operand.matches(record)) {
                        return false;
                    }
                }
                return true;
            };
        }
        if (query instanceof BoundQuery.AnyOf any) {
            RecordMatcher[] operands = any.operands().stream().map(RecordMatcher::compile).toArray(RecordMatcher[]::new);
            return record -> {
                for (RecordMatcher operand : operands) {
                    if (operand.matches(record)) {
                        return true;
                    }
                }
                return false;
            };
        }
        if (query instanceof BoundQuery.Not not) {
            RecordMatcher operand = compile(not.operand());
            return record -> !operand.matches(record);
        }
        BoundQuery.Test test = (BoundQuery.Test) query;
        String[] path = test.field().path().split("\\.");
        ValueTest valueTest = ValueTests.of(test);
        boolean negated = test.operator() == Operator.NE || test.operator() == Operator.NOT_IN;
        return negated
                ? record -> !anyValue(record, path, 0, valueTest)
                : record -> anyValue(record, path, 0, valueTest);
    }

    /** Whether any value at {@code path} passes: lists are searched element by element, as MongoDB does. */
    private static boolean anyValue(Object node, String[] path, int depth, ValueTest test) {
        if (depth == path.length) {
            if (node instanceof List<?> list) {
                for (Object element : list) {
                    if (test.test(element)) {
                        return true;
                    }
                }
                return false;
            }
            return test.test(node);
        }
        if (node instanceof Map<?, ?> map) {
            Object child = map.get(path[depth]);
            return child != null && anyValue(child, path, depth + 1, test);
        }
        if (node instanceof List<?> list) {
            for (Object element : list) {
                if (element instanceof Map<?, ?> && anyValue(element, path, depth, test)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A test on one stored value. */
    @FunctionalInterface
    interface ValueTest {
        boolean test(Object value);
    }

    /** The value tests per operator, comparing within MongoDB's type brackets. */
    final class ValueTests {
        private static final int REGEX_STEP_BUDGET = 1_000_000;

        private ValueTests() {
        }

        static ValueTest of(BoundQuery.Test test) {
            return switch (test.operator()) {
                case EQ, NE -> equalTo(test.value());
                case IN, NOT_IN -> anyOf(test.values());
                case LT -> ordered(test.value(), c -> c < 0);
                case LE -> ordered(test.value(), c -> c <= 0);
                case GT -> ordered(test.value(), c -> c > 0);
                case GE -> ordered(test.value(), c -> c >= 0);
                case CONTAINS, REGEX -> matching(((BoundQuery.TextPattern) test.value()).compile());
            };
        }

        private static ValueTest equalTo(Object literal) {
            if (literal instanceof String text) {
                return text::equals;
            }
            if (literal instanceof Boolean bool) {
                return bool::equals;
            }
            return ordered(literal, c -> c == 0);
        }

        private static ValueTest anyOf(List<Object> literals) {
            if (literals.stream().allMatch(String.class::isInstance)) {
                Set<Object> texts = new HashSet<>(literals);
                return value -> value instanceof String && texts.contains(value);
            }
            ValueTest[] tests = literals.stream().map(ValueTests::equalTo).toArray(ValueTest[]::new);
            return value -> {
                for (ValueTest test : tests) {
                    if (test.test(value)) {
                        return true;
                    }
                }
                return false;
            };
        }

        private interface Comparison {
            boolean holds(int comparison);
        }

        private static ValueTest ordered(Object literal, Comparison comparison) {
            if (literal instanceof String text) {
                return value -> value instanceof String string && comparison.holds(compareCodePoints(string, text));
            }
            if (literal instanceof Number number) {
                return value -> value instanceof Number stored && !(value instanceof java.math.BigDecimal)
                        && comparison.holds(compareNumbers(stored, number));
            }
            if (literal instanceof Instant instant) {
                long millis = instant.toEpochMilli();
                return value -> {
                    Long stored = epochMillis(value);
                    return stored != null && comparison.holds(Long.compare(stored, millis));
                };
            }
            if (literal instanceof Boolean bool) {
                return value -> value instanceof Boolean stored && comparison.holds(Boolean.compare(stored, bool));
            }
            throw new IllegalArgumentException("not a comparable literal: " + literal);
        }

        private static ValueTest matching(Pattern pattern) {
            return value -> {
                if (!(value instanceof String text)) {
                    return false;
                }
                try {
                    return pattern.matcher(new BudgetedText(text, REGEX_STEP_BUDGET)).find();
                } catch (BudgetedText.BudgetExceeded e) {
                    return false;
                }
            };
        }

        static int compareNumbers(Number a, Number b) {
            if (isIntegral(a) && isIntegral(b)) {
                return Long.compare(a.longValue(), b.longValue());
            }
            double x = a.doubleValue();
            double y = b.doubleValue();
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return Double.isNaN(x) ? (Double.isNaN(y) ? 0 : -1) : 1;
            }
            return x < y ? -1 : x > y ? 1 : 0;
        }

        private static boolean isIntegral(Number n) {
            return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
        }

        /** UTF-8 byte order, as MongoDB compares strings without a collation. */
        static int compareCodePoints(String a, String b) {
            int i = 0;
            int j = 0;
            while (i < a.length() && j < b.length()) {
                int x = a.codePointAt(i);
                int y = b.codePointAt(j);
                if (x != y) {
                    return Integer.compare(x, y);
                }
                i += Character.charCount(x);
                j += Character.charCount(y);
            }
            return Boolean.compare(i < a.length(), j < b.length());
        }

        private static Long epochMillis(Object value) {
            if (value instanceof Date date) {
                return date.getTime();
            }
            if (value instanceof Instant instant) {
                return instant.toEpochMilli();
            }
            if (value instanceof OffsetDateTime time) {
                return time.toInstant().toEpochMilli();
            }
            if (value instanceof ZonedDateTime time) {
                return time.toInstant().toEpochMilli();
            }
            return null;
        }
    }
}
