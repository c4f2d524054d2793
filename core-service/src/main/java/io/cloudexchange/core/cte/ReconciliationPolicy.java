package io.cloudexchange.core.cte;

/** Which source's severity, reputation and comments become an indicator's merged (top-level) values. */
public enum ReconciliationPolicy {
    /** The latest report from any source wins. */
    ALWAYS_OVERRIDE,
    /** The first source to report the indicator keeps it. */
    NEVER_OVERRIDE,
    /** The highest severity (and lowest, most malicious reputation) any source reported. */
    HIGHEST_SEVERITY
}
