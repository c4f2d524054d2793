package io.cloudexchange.core.cte;

import io.cloudexchange.core.cte.values.IndicatorValueRules;
import io.cloudexchange.core.cte.values.ValueCheck;
import io.cloudexchange.plugin.api.cte.IndicatorType;

/** Canonical form of indicator values (see {@code cte.values}), so the same indicator from two sources is stored once. */
final class IndicatorValues {

    /** A normalised value, or the problem that makes the value invalid (then {@code value} is null). */
    record Checked(String value, String problem) {
    }

    private IndicatorValues() {
    }

    static Checked check(IndicatorType type, String value) {
        ValueCheck check = IndicatorValueRules.check(type, value);
        return check.isValid() ? new Checked(check.value(), null) : new Checked(null, check.problem());
    }

    /** The document id: one indicator per type and normalised value. */
    static String id(IndicatorType type, String normalisedValue) {
        return type.name() + ":" + normalisedValue;
    }
}
