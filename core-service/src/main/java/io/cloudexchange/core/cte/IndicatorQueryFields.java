package io.cloudexchange.core.cte;

import io.cloudexchange.core.query.FieldType;
import io.cloudexchange.core.query.QueryField;
import io.cloudexchange.core.query.QueryFields;
import io.cloudexchange.plugin.api.cte.IndicatorType;
import io.cloudexchange.plugin.api.cte.Severity;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fields of the {@code indicators} collection a query may use (IoC table, business rules, lists):
 * {@code type == "url"}, {@code severity >= "high"}, {@code lastSeen > now - 7d}, {@code source IN ("<configuration id>")}.
 */
public final class IndicatorQueryFields {

    public static final QueryFields FIELDS = QueryFields.of(
            QueryField.symbolic("type", "type", FieldType.STRING, symbols(IndicatorType.values(), Enum::name), false),
            QueryField.of("value", "value", FieldType.STRING),
            QueryField.symbolic("severity", "severityRank", FieldType.NUMBER,
                    symbols(Severity.values(), severity -> (long) severity.ordinal()), true),
            QueryField.of("reputation", "reputation", FieldType.NUMBER),
            QueryField.of("firstSeen", "firstSeen", FieldType.DATETIME),
            QueryField.of("lastSeen", "lastSeen", FieldType.DATETIME),
            QueryField.of("tags", "tags", FieldType.STRING),
            QueryField.of("active", "active", FieldType.BOOLEAN),
            QueryField.of("expiresAt", "expiresAt", FieldType.DATETIME),
            QueryField.of("retracted", "retracted", FieldType.BOOLEAN),
            QueryField.of("sharedWith", "sharedWith", FieldType.STRING),
            QueryField.of("source", "sourceIds", FieldType.STRING),
            QueryField.of("updatedAt", "updatedAt", FieldType.DATETIME));

    private IndicatorQueryFields() {
    }

    private static <E extends Enum<E>> Map<String, Object> symbols(E[] values, Function<E, Object> stored) {
        return Arrays.stream(values).collect(Collectors.toMap(e -> e.name().toLowerCase(Locale.ROOT), stored,
                (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
