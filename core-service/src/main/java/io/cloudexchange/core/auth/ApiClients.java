package io.cloudexchange.core.auth;

import io.cloudexchange.core.api.AuthenticationFailedException;
import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.core.api.NotFoundException;
import io.cloudexchange.core.audit.AuditAction;
import io.cloudexchange.core.audit.AuditLog;
import io.cloudexchange.core.logging.PlatformLog;
import io.cloudexchange.core.security.Actor;
import io.cloudexchange.core.security.RandomTokens;
import io.cloudexchange.core.security.TokenIssuer;
import io.cloudexchange.core.users.User;
import io.cloudexchange.core.users.UserDeletedEvent;
import io.cloudexchange.core.users.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/** API clients (CE's "API tokens"): creation, listing, revocation and the client-credentials grant. */
@Service
class ApiClients {

    static final String GRANT_TYPE = "client_credentials";
    static final int MAX_CLIENT_ID = 100;
    static final int MAX_CLIENT_SECRET = 200;
    private static final String BAD_CREDENTIALS = "Invalid client credentials";

    private final ApiClientRepository clients;
    private final UserRepository users;
    private final CredentialCheck credentials;
    private final TokenIssuer tokens;
    private final PlatformLog platformLog;
    private final AuditLog auditLog;
    private final AddressThrottle throttle;
    private final Clock clock;

    ApiClients(ApiClientRepository clients, UserRepository users, CredentialCheck credentials, TokenIssuer tokens,
               PlatformLog platformLog, AuditLog auditLog, AddressThrottle throttle, Clock clock) {
        this.throttle = throttle;
        this.clients = clients;
        this.users = users;
        this.credentials = credentials;
        this.tokens = tokens;
        this.platformLog = platformLog;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    CreatedClientResponse create(Actor actor, CreateClientRequest request) {
        String clientId = RandomTokens.generate(24);
        String secret = RandomTokens.generate(48);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(Duration.ofDays(request.expiryDays()));
        String description = request.description() == null ? "" : request.description().strip();
        clients.insert(new ApiClient(clientId, credentials.hash(secret), description, actor.username(), now, expiresAt));
        platformLog.info(PlatformLog.PLATFORM_SOURCE, "API client " + clientId + " created by " + actor.describe());
        return new CreatedClientResponse(clientId, secret, expiresAt);
    }

    /** The caller's own clients. */
    List<ClientResponse> list(Actor actor) {
        return clients.findByOwnerUsername(actor.username(), Sort.by("createdAt")).stream().map(ClientResponse::of).toList();
    }

    /** Revokes one of the caller's own clients; other users' clients are answered as not found. */
    void revoke(Actor actor, String clientId) {
        if (clients.findById(clientId).filter(client -> client.ownerUsername().equals(actor.username())).isEmpty()) {
            throw new NotFoundException("API client", clientId);
        }
        clients.deleteById(clientId);
        platformLog.info(PlatformLog.PLATFORM_SOURCE, "API client " + clientId + " revoked by " + actor.describe());
    }

    TokenResponse exchange(ClientCredentialsRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!GRANT_TYPE.equals(request.grantType())) {
            errors.put("grant_type", "must be " + GRANT_TYPE);
        }
        if (request.clientId() == null || request.clientId().isBlank()) {
            errors.put("client_id", "is required");
        } else if (request.clientId().length() > MAX_CLIENT_ID) {
            errors.put("client_id", "must be at most " + MAX_CLIENT_ID + " characters");
        }
        if (request.clientSecret() == null || request.clientSecret().isEmpty()) {
            errors.put("client_secret", "is required");
        } else if (request.clientSecret().length() > MAX_CLIENT_SECRET) {
            errors.put("client_secret", "must be at most " + MAX_CLIENT_SECRET + " characters");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors, null);
        }
        String address = AuditLog.currentSourceAddress();
        throttle.checkAllowed(address);
        ApiClient client = clients.findById(request.clientId()).orElse(null);
        boolean secretMatches = credentials.matches(request.clientSecret(), client == null ? null : client.secretHash());
        if (client == null || !secretMatches || client.isExpired(clock.instant())) {
            auditLog.recordSignIn(AuditAction.LOGIN_FAILED, null, request.clientId());
            throttle.recordFailure(address);
            throw new AuthenticationFailedException(BAD_CREDENTIALS);
        }
        User owner = users.findByUsername(client.ownerUsername()).filter(user -> !user.disabled())
                .orElseThrow(() -> new AuthenticationFailedException(BAD_CREDENTIALS));
        auditLog.recordSignIn(AuditAction.TOKEN_ISSUED, owner.username(), client.clientId());
        return TokenResponse.of(tokens.forClient(client.clientId(), owner), null);
    }

    @EventListener
    void deleteClientsOf(UserDeletedEvent deleted) {
        clients.deleteAll(clients.findByOwnerUsername(deleted.username(), Sort.unsorted()));
    }
}
