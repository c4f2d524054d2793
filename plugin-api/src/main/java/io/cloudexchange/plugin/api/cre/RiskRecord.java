package io.cloudexchange.plugin.api.cre;

import java.util.Map;
import java.util.Objects;

/**
 * One user, device or application with its risk data. Named {@code RiskRecord} to stay clear of
 * {@link java.lang.Record}.
 *
 * @param entity the entity name (e.g. {@code users})
 * @param uid unique id within the entity (e.g. an email address)
 * @param fields entity field values
 * @param normalizedScore 0 (most risky) to 1000 (safest), or null when unknown
 */
public record RiskRecord(String entity, String uid, Map<String, Object> fields, Integer normalizedScore) {

    public static final int MIN_SCORE = 0;
    public static final int MAX_SCORE = 1000;

    public RiskRecord {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(uid, "uid");
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        if (normalizedScore != null && (normalizedScore < MIN_SCORE || normalizedScore > MAX_SCORE)) {
            throw new IllegalArgumentException("normalized score must be between 0 and 1000, was " + normalizedScore);
        }
    }
}
