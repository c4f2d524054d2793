package io.cloudexchange.core.auth;

import java.time.Instant;

/** The answer to creating a client: the only time its secret is shown. */
public record CreatedClientResponse(String clientId, String clientSecret, Instant expiresAt) {
}
