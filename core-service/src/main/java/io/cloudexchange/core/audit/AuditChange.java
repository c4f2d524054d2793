package io.cloudexchange.core.audit;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One field's value before and after a change, as text; secrets are {@value AuditChanges#MASK}. Null means
 * absent. A list of these rather than a map keyed by field, as field names (plugin parameter keys) may hold
 * characters MongoDB keys may not.
 */
public record AuditChange(String field, @JsonProperty("old") String before, @JsonProperty("new") String after) {
}
