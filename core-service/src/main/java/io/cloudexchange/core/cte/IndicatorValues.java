package io.cloudexchange.core.cte;

import io.cloudexchange.plugin.api.cte.IndicatorType;
import java.util.Locale;

/** Canonical form of indicator values, so the same indicator from two sources is stored once. */
final class IndicatorValues {

    private IndicatorValues() {
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
