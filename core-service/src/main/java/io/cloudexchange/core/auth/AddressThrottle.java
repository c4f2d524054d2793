package io.cloudexchange.core.auth;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.cloudexchange.core.api.TooManyAttemptsException;
import io.cloudexchange.core.audit.AuditAction;
import io.cloudexchange.core.audit.AuditLog;
import io.cloudexchange.core.logging.PlatformLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Throttles sign-in attempts (user logins and client-credentials exchanges) per source address: after
 * {@link #MAX_FAILURES} failures within {@link #WINDOW}, the address is refused for {@link #BLOCK} without
 * its credentials being checked. A blocked attempt does not count against any account, so one address can
 * lock at most {@code MAX_FAILURES / UserAccounts.MAX_FAILED_LOGINS} accounts per window. A success does not
 * reset the address' count (an attacker with one valid account could otherwise keep guessing others).
 * Kept in MongoDB so every core node of a cluster sees the same count.
 */
@Service
public class AddressThrottle {

    static final int MAX_FAILURES = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration BLOCK = Duration.ofMinutes(15);

    private final MongoTemplate mongo;
    private final PlatformLog platformLog;
    private final AuditLog auditLog;
    private final Clock clock;

    AddressThrottle(MongoTemplate mongo, PlatformLog platformLog, AuditLog auditLog, Clock clock) {
        this.mongo = mongo;
        this.platformLog = platformLog;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Failed sign-ins of one source address in the current window.
     *
     * @param expiresAt when the record is no longer needed (a TTL index removes it on MongoDB)
     */
    @Document(SignInFailures.COLLECTION)
    record SignInFailures(@Id String address, int failures, Instant windowStart, Instant blockedUntil, Instant expiresAt) {
        static final String COLLECTION = "signin_failures";
    }

    /** Refuses (429) an address that failed too often recently. */
    public void checkAllowed(String address) {
        if (address == null) {
            return;
        }
        SignInFailures record = mongo.findById(address, SignInFailures.class);
        Instant now = clock.instant();
        if (record != null && record.blockedUntil() != null && now.isBefore(record.blockedUntil())) {
            throw new TooManyAttemptsException(Duration.between(now, record.blockedUntil()));
        }
    }

    public void recordFailure(String address) {
        if (address == null) {
            return;
        }
        Instant now = clock.instant();
        SignInFailures record = mongo.findAndModify(query(where("_id").is(address)),
                new Update().inc("failures", 1).setOnInsert("windowStart", now).set("expiresAt", now.plus(WINDOW).plus(BLOCK)),
                FindAndModifyOptions.options().upsert(true).returnNew(true), SignInFailures.class);
        if (record == null) {
            return;
        }
        if (record.windowStart() == null || !now.isBefore(record.windowStart().plus(WINDOW))) {
            mongo.updateFirst(query(where("_id").is(address)),
                    new Update().set("failures", 1).set("windowStart", now), SignInFailures.class);
        } else if (record.failures() >= MAX_FAILURES) {
            mongo.updateFirst(query(where("_id").is(address)), new Update().set("failures", 0).set("windowStart", now)
                    .set("blockedUntil", now.plus(BLOCK)).set("expiresAt", now.plus(BLOCK).plus(WINDOW)),
                    SignInFailures.class);
            auditLog.recordEvent(AuditAction.ADDRESS_THROTTLED, null, null, "address", address);
            platformLog.warn(PlatformLog.PLATFORM_SOURCE, null, "Sign-ins from " + address + " refused for "
                    + BLOCK.toMinutes() + " minutes after " + MAX_FAILURES + " failures within " + WINDOW.toMinutes()
                    + " minutes");
        }
    }
}
