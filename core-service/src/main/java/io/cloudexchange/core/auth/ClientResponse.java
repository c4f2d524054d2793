package io.cloudexchange.core.auth;

import java.time.Instant;

/** An API client as listed: never its secret. */
public record ClientResponse(String clientId, String description, Instant createdAt, Instant expiresAt) {

    static ClientResponse of(ApiClient client) {
        return new ClientResponse(client.clientId(), client.description(), client.createdAt(), client.expiresAt());
    }
}
