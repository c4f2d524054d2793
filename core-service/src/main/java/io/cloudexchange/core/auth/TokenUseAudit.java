package io.cloudexchange.core.auth;

import io.cloudexchange.core.audit.AuditAction;
import io.cloudexchange.core.audit.AuditLog;
import io.cloudexchange.core.security.TokenClaims;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records {@link AuditAction#TOKEN_USED} the first time an API client's bearer token is used from a source
 * address: one entry per token and address (a token lives one hour), not one per call. Mutating calls are
 * recorded anyway by the request audit. The first use is claimed with an insert into {@code token_uses}
 * (unique id = token id and address), so a cluster records it once; a local set spares MongoDB the
 * repeated calls.
 */
@Component
class TokenUseAudit extends OncePerRequestFilter {

    private static final int MAX_REMEMBERED = 10_000;

    private final MongoTemplate mongo;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Set<String> recorded = ConcurrentHashMap.newKeySet();

    TokenUseAudit(MongoTemplate mongo, AuditLog auditLog, Clock clock) {
        this.mongo = mongo;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** @param id token id and source address; {@code expiresAt} is when the token expires (TTL index). */
    @Document(TokenUse.COLLECTION)
    record TokenUse(@Id String id, String clientId, Instant at, Instant expiresAt) {
        static final String COLLECTION = "token_uses";
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken authentication
                && TokenClaims.TYPE_CLIENT.equals(authentication.getToken().getClaimAsString(TokenClaims.TOKEN_TYPE))) {
            recordFirstUse(authentication.getToken(), AuditLog.sourceAddress(request));
        }
        chain.doFilter(request, response);
    }

    private void recordFirstUse(Jwt token, String address) {
        String tokenId = token.getId() != null ? token.getId() : Integer.toHexString(token.getTokenValue().hashCode());
        String key = tokenId + "|" + address;
        if (recorded.contains(key)) {
            return;
        }
        if (recorded.size() >= MAX_REMEMBERED) {
            recorded.clear();
        }
        recorded.add(key);
        try {
            mongo.insert(new TokenUse(key, token.getSubject(), clock.instant(), token.getExpiresAt()));
        } catch (DuplicateKeyException alreadyRecorded) {
            return;
        }
        auditLog.recordEvent(AuditAction.TOKEN_USED, token.getClaimAsString(TokenClaims.OWNER), token.getSubject(),
                "token", tokenId);
    }
}
