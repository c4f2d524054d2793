package io.cloudexchange.core.cte;

import io.cloudexchange.plugin.api.cte.IndicatorType;
import java.util.Locale;

/** Canonical form of indicator values, so the same indicator from two sources is stored once. */
final class IndicatorValues {

    /** A normalised value, or the problem that makes the value invalid (then {@code value} is null). */
    record Checked(String value, String problem) {
    }

    private IndicatorValues() {
    }

    static Checked check(IndicatorType type, String value) {
        String normalised = normalise(type, value);
        return normalised.isEmpty() ? new Checked(null, "the value is empty") : new Checked(normalised, null);
    }

    static String normalise(IndicatorType type, String value) {
        String trimmed = value.trim();
        return switch (type) {
            case MD5, SHA256, DOMAIN, HOSTNAME, FQDN, IPV6 -> trimmed.toLowerCase(Locale.ROOT);
            case URL, IPV4 -> trimmed;
        };
    }

    /** The document id: one indicator per type and normalised value. */
    static String id(IndicatorType type, String normalisedValue) {
        return type.name() + ":" + normalisedValue;
    }
}
