package io.cloudexchange.core.cte.lists;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.core.api.NotFoundException;
import io.cloudexchange.core.audit.AuditAction;
import io.cloudexchange.core.audit.AuditChanges;
import io.cloudexchange.core.audit.AuditLog;
import io.cloudexchange.core.security.RandomTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Creates, lists, revokes and checks list tokens. Tokens are 40 random characters (about 230 bits), so a
 * plain SHA-256 is a safe stored form (no slow hash needed) and lets a request find its token by index.
 */
@Service
class ListTokens {

    static final String PREFIX = "cel_";
    private static final String TARGET = "list-token";
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final MongoOperations mongo;
    private final AuditLog auditLog;
    private final Clock clock;

    ListTokens(MongoOperations mongo, AuditLog auditLog, Clock clock) {
        this.mongo = mongo;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    record Created(ListToken token, String secret) {
    }

    Created create(String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw InvalidRequestException.field("name", "is required (at most 100 characters)");
        }
        String secret = PREFIX + RandomTokens.generate(40);
        ListToken token = mongo.insert(new ListToken(UUID.randomUUID().toString(), name.strip(), hash(secret),
                clock.instant(), null));
        auditLog.record(AuditAction.CREATE, TARGET, token.id(), AuditChanges.of().field("name", null, token.name()));
        return new Created(token, secret);
    }

    List<ListToken> list() {
        return mongo.find(new org.springframework.data.mongodb.core.query.Query()
                .with(Sort.by("createdAt")), ListToken.class);
    }

    void revoke(String id) {
        ListToken removed = mongo.findAndRemove(query(where("_id").is(id)), ListToken.class);
        if (removed == null) {
            throw new NotFoundException("List token", id);
        }
        auditLog.record(AuditAction.DELETE, TARGET, id, AuditChanges.of().field("name", removed.name(), null));
    }

    /** The token a request presents, if it is one of ours; notes its use (at most once a minute). */
    Optional<ListToken> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        ListToken token = mongo.findOne(query(where("tokenHash").is(hash(secret))), ListToken.class);
        if (token == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (token.lastUsedAt() == null || token.lastUsedAt().plus(LAST_USED_PRECISION).isBefore(now)) {
            mongo.updateFirst(query(where("_id").is(token.id())), Update.update("lastUsedAt", now), ListToken.class);
        }
        return Optional.of(token);
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
