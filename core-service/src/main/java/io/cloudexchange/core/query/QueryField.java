package io.cloudexchange.core.query;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One field a query may use: its name in queries, where it is stored (a dotted path, also the key path
 * in a record map), its type and the operators allowed on it.
 *
 * @param symbols if not empty, the only values the field takes, by the name written in queries
 *                (case-insensitive) to the stored value: e.g. {@code "high" -> 3} for a severity stored by rank
 */
public record QueryField(String name, String path, FieldType type, Set<Operator> operators, Map<String, Object> symbols) {

    public QueryField {
        if (!path.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)*")) {
            throw new IllegalArgumentException("storage path must be dotted identifiers: " + path);
        }
        operators = Collections.unmodifiableSet(EnumSet.copyOf(operators));
        Map<String, Object> lower = new LinkedHashMap<>();
        symbols.forEach((symbol, stored) -> lower.put(symbol.toLowerCase(Locale.ROOT), stored));
        symbols = Collections.unmodifiableMap(lower);
    }

    public static QueryField of(String name, String path, FieldType type) {
        return new QueryField(name, path, type, type.defaultOperators(), Map.of());
    }

    /** A field taking one of a fixed set of values, compared for equality (and order if {@code ordered}). */
    public static QueryField symbolic(String name, String path, FieldType storedType, Map<String, ?> symbols,
                                      boolean ordered) {
        Set<Operator> operators = EnumSet.of(Operator.EQ, Operator.NE, Operator.IN, Operator.NOT_IN);
        if (ordered) {
            operators.addAll(Operator.ORDERING);
        }
        return new QueryField(name, path, storedType, operators, new LinkedHashMap<>(symbols));
    }

    public QueryField withOperators(Set<Operator> allowed) {
        return new QueryField(name, path, type, allowed, symbols);
    }
}
