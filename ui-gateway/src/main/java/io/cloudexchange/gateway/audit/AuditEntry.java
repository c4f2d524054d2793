package io.cloudexchange.gateway.audit;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One entry of the audit log; {@code changes} lists field changes (secrets only ever as {@code ****}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuditEntry(String id, String at, String actor, String actorType, String clientId,
        String sourceAddress, String action, String targetType, String targetId, Integer status,
        List<Change> changes) {

    public AuditEntry {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Change(String field, Object old, @JsonProperty("new") Object newValue) {
    }
}
