package io.cloudexchange.core.auth;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Client-credentials access for scripts and integrations; it acts with its owner's roles.
 *
 * @param clientId public identifier, also the document id
 * @param secretHash hash of the client secret (the secret itself is shown once and never stored)
 */
@Document("api_clients")
public record ApiClient(@Id String clientId, String secretHash, String description, String ownerUsername,
                        Instant createdAt, Instant expiresAt) {

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
