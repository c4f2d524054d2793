package io.cloudexchange.core.audit;

import io.cloudexchange.core.security.Actor;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records audit entries. The actor and source address come from the current request. A request that
 * recorded an entry here is not recorded again by {@link MutatingRequestAudit}.
 */
@Service
public class AuditLog {

    static final String RECORDED = AuditLog.class.getName() + ".recorded";
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final MongoTemplate mongo;
    private final Clock clock;

    AuditLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** An action of the signed-in caller. */
    public void record(AuditAction action, String targetType, String targetId, AuditChanges changes) {
        Optional<Actor> actor = currentActor();
        write(actor.map(Actor::username).orElse(null), actor.filter(Actor::isClient).map(Actor::clientId).orElse(null),
                action, targetType, targetId, null, changes.toList(), true);
    }

    /** An action of someone not signed in yet: sign-ins and token requests. */
    public void recordSignIn(AuditAction action, String username, String clientId) {
        write(username, clientId, action, clientId == null ? "user" : "client", clientId == null ? username : clientId,
                null, List.of(), true);
    }

    /** An event about a source address or a token, not about an actor's change. */
    public void recordEvent(AuditAction action, String actor, String clientId, String targetType, String targetId) {
        write(actor, clientId, action, targetType, targetId, null, List.of(), false);
    }

    void recordRequest(Actor actor, AuditAction action, String methodAndPath, int status) {
        write(actor.username(), actor.clientId(), action, "api", methodAndPath, status, List.of(), true);
    }

    static Optional<Actor> currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken token ? Optional.of(Actor.from(token.getToken()))
                : Optional.empty();
    }

    private void write(String actor, String clientId, AuditAction action, String targetType, String targetId,
                       Integer status, List<AuditChange> changes, boolean coversRequest) {
        HttpServletRequest request = currentRequest();
        String source = request == null ? null : sourceAddress(request);
        if (request != null && coversRequest) {
            request.setAttribute(RECORDED, Boolean.TRUE);
        }
        AuditEntry entry = new AuditEntry(null, clock.instant(), actor, clientId == null ? ActorType.USER : ActorType.CLIENT,
                clientId, source, action, targetType, targetId, status, changes);
        try {
            mongo.insert(entry);
        } catch (RuntimeException e) {
            log.error("Could not store audit entry {} {} {}:{}: {}", action, actor, targetType, targetId, e.toString());
        }
    }

    /** The source address of the request being handled, or null outside a request. */
    public static String currentSourceAddress() {
        HttpServletRequest request = currentRequest();
        return request == null ? null : sourceAddress(request);
    }

    /** The last {@code X-Forwarded-For} hop is the address the gateway saw; earlier hops are the caller's own claims. */
    public static String sourceAddress(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].strip();
        }
        return request.getRemoteAddr();
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
