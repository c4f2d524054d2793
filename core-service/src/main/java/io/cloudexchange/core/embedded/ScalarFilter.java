package io.cloudexchange.core.embedded;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A query made only of comparisons of top-level fields with strings and booleans, e.g. an EDL page's
 * {@code {_id: {$gt: "URL:..."}, $and: [{active: {$ne: false}}, {retracted: {$ne: true}}]}}, decided without the
 * server's matcher, which splits every key on dots and allocates as it goes, once per document. Only documents whose
 * compared fields are strings, booleans, null or missing are decided here: {@link #matches} answers {@code null} for
 * any other (an array, a sub-document, a number), which the server's matcher then decides, so the answer is always the
 * server's.
 */
final class ScalarFilter {

    private enum Operator { EQ, NE, GT, GTE, LT, LTE }

    private record Condition(String field, Operator operator, Object operand) {
    }

    private final List<Condition> conditions;

    private ScalarFilter(List<Condition> conditions) {
        this.conditions = conditions;
    }

    /** The filter of this query, or null when the query uses anything else (then the server's matcher decides). */
    static ScalarFilter of(Document query) {
        List<Condition> conditions = new ArrayList<>();
        return collect(query, conditions) ? new ScalarFilter(List.copyOf(conditions)) : null;
    }

    /**
     * Whether the document matches; null when a field compared before the answer was known holds something other
     * than a string, a boolean or null.
     */
    Boolean matches(Object document) {
        if (!(document instanceof Document fields)) {
            return null;
        }
        for (Condition condition : conditions) {
            Object value = fields.getOrMissing(condition.field());
            if (Missing.isNullOrMissing(value)) {
                value = null;
            } else if (!(value instanceof String) && !(value instanceof Boolean)) {
                return null;
            }
            if (!holds(condition, value)) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(Condition condition, Object value) {
        Object operand = condition.operand();
        return switch (condition.operator()) {
            case EQ -> operand.equals(value);
            case NE -> !operand.equals(value);
            case GT -> value instanceof String && ValueComparator.asc().compare(value, operand) > 0;
            case GTE -> value instanceof String && ValueComparator.asc().compare(value, operand) >= 0;
            case LT -> value instanceof String && ValueComparator.asc().compare(value, operand) < 0;
            case LTE -> value instanceof String && ValueComparator.asc().compare(value, operand) <= 0;
        };
    }

    private static boolean collect(Document query, List<Condition> conditions) {
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (key.equals("$and")) {
                if (!(value instanceof Collection<?> all) || all.isEmpty()) {
                    return false;
                }
                for (Object part : all) {
                    if (!(part instanceof Document document) || !collect(document, conditions)) {
                        return false;
                    }
                }
            } else if (key.isEmpty() || key.startsWith("$") || key.contains(".")) {
                return false;
            } else if (!collectField(key, value, conditions)) {
                return false;
            }
        }
        return true;
    }

    private static boolean collectField(String field, Object condition, List<Condition> conditions) {
        if (isScalar(condition)) {
            conditions.add(new Condition(field, Operator.EQ, condition));
            return true;
        }
        if (!(condition instanceof Document operators) || operators.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, Object> entry : operators.entrySet()) {
            Operator operator = operator(entry.getKey());
            Object operand = entry.getValue();
            boolean comparable = operator == Operator.EQ || operator == Operator.NE ? isScalar(operand)
                    : operand instanceof String;
            if (operator == null || !comparable) {
                return false;
            }
            conditions.add(new Condition(field, operator, operand));
        }
        return true;
    }

    private static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Boolean;
    }

    private static Operator operator(String name) {
        return switch (name) {
            case "$eq" -> Operator.EQ;
            case "$ne" -> Operator.NE;
            case "$gt" -> Operator.GT;
            case "$gte" -> Operator.GTE;
            case "$lt" -> Operator.LT;
            case "$lte" -> Operator.LTE;
            default -> null;
        };
    }
}
