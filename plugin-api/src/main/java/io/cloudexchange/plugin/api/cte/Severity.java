package io.cloudexchange.plugin.api.cte;

/** Severity of an indicator, ordered from least to most severe. */
public enum Severity {
    UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL
}
