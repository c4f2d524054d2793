package io.cloudexchange.core.audit;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One field's value before and after a change, as text; secrets are {@value AuditChanges#MASK}. Null means absent. */
public record AuditChange(@JsonProperty("old") String before, @JsonProperty("new") String after) {
}
