package io.cloudexchange.gateway.cte;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns one condition chosen in the filter builder (field, operator, value) into query-language text and appends it
 * to the current query with {@code AND}. Values are written as the field's type wants them: strings and symbolic
 * values quoted, numbers and booleans bare, {@code now - 7d} bare, a comma-separated list for {@code IN}.
 */
final class FilterBuilder {

    private FilterBuilder() {
    }

    /**
     * @param field the field as {@code GET /api/query/fields} describes it ({@code name}, {@code type},
     *              {@code values}); null when the core did not describe it (then the value is quoted)
     */
    static String append(String query, String fieldName, Map<String, Object> field, String operator, String value) {
        String condition = fieldName.strip() + " " + operator.strip() + " " + literalFor(field, operator, value);
        String current = query == null ? "" : query.strip();
        if (current.isEmpty()) {
            return condition;
        }
        boolean hasOr = Arrays.stream(current.split("\\s+")).anyMatch(word -> word.equalsIgnoreCase("OR"));
        return (hasOr ? "(" + current + ")" : current) + " AND " + condition;
    }

    private static String literalFor(Map<String, Object> field, String operator, String value) {
        String type = field == null ? "STRING" : String.valueOf(field.get("type")).toUpperCase(Locale.ROOT);
        boolean symbolic = field != null && field.get("values") instanceof List<?> values && !values.isEmpty();
        if (operator.strip().toUpperCase(Locale.ROOT).endsWith("IN")) {
            return Arrays.stream(value.split(",")).map(String::strip).filter(item -> !item.isEmpty())
                    .map(item -> literal(type, symbolic, item)).collect(Collectors.joining(", ", "(", ")"));
        }
        return literal(type, symbolic, value.strip());
    }

    private static String literal(String type, boolean symbolic, String value) {
        if (!symbolic) {
            if (type.equals("NUMBER") && value.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
                return value;
            }
            if (type.equals("BOOLEAN") && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))) {
                return value.toLowerCase(Locale.ROOT);
            }
            if (type.equals("DATETIME") && value.toLowerCase(Locale.ROOT).matches("now(\\s*[-+]\\s*[0-9]+[smhdw])?")) {
                return value;
            }
        }
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
