package io.cloudexchange.core.audit;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Who did what, when and from where.
 *
 * @param actor the username (for API clients: the owner's username; see {@code clientId})
 * @param clientId the API client that acted, or null
 * @param sourceAddress the caller's address as the gateway saw it (last {@code X-Forwarded-For} hop), else the peer
 * @param targetType what was acted on: {@code user}, {@code role}, {@code configuration}, {@code api} (any other
 *                   API request, then {@code targetId} is its method and path), …
 * @param status the HTTP status of the request, when recorded per request
 * @param changes field, old and new value of each changed field, secrets masked
 */
@Document(AuditEntry.COLLECTION)
public record AuditEntry(@Id String id, Instant at, String actor, ActorType actorType, String clientId,
                         String sourceAddress, AuditAction action, String targetType, String targetId,
                         Integer status, List<AuditChange> changes) {

    public static final String COLLECTION = "audit_log";

    public AuditEntry {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
