package io.cloudexchange.core.users;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Atomic changes to user accounts: sign-in bookkeeping, lockout and password changes. */
@Service
public class UserAccounts {

    public static final int MAX_FAILED_LOGINS = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    /** Replaced password hashes kept to refuse reuse; with the current one, the last five passwords. */
    public static final int PASSWORD_HISTORY = 4;

    private final MongoTemplate mongo;
    private final Clock clock;

    public UserAccounts(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Counts a failed sign-in; returns true when this failure locked the account. */
    public boolean recordFailedLogin(String username) {
        User user = mongo.findAndModify(query(where("username").is(username)), new Update().inc("failedLogins", 1),
                FindAndModifyOptions.options().returnNew(true), User.class);
        if (user == null || user.failedLogins() < MAX_FAILED_LOGINS) {
            return false;
        }
        mongo.updateFirst(query(where("username").is(username)),
                new Update().set("failedLogins", 0).set("lockedUntil", clock.instant().plus(LOCKOUT)), User.class);
        return true;
    }

    public void recordSuccessfulLogin(String username) {
        mongo.updateFirst(query(where("username").is(username)),
                new Update().set("failedLogins", 0).unset("lockedUntil").set("lastLoginAt", clock.instant()), User.class);
    }

    /**
     * Sets a new password hash, keeps the replaced one in the history, unlocks the account and invalidates
     * tokens issued before now.
     */
    public void setPassword(String username, String passwordHash, boolean mustChangePassword) {
        Instant now = clock.instant();
        List<String> history = new ArrayList<>();
        User user = mongo.findOne(query(where("username").is(username)), User.class);
        if (user != null && user.passwordHash() != null) {
            history.add(user.passwordHash());
            history.addAll(user.previousPasswordHashes());
        }
        mongo.updateFirst(query(where("username").is(username)),
                new Update().set("passwordHash", passwordHash).set("mustChangePassword", mustChangePassword)
                        .set("passwordChangedAt", now).set("failedLogins", 0).unset("lockedUntil")
                        .set("previousPasswordHashes", history.subList(0, Math.min(history.size(), PASSWORD_HISTORY))),
                User.class);
    }

    /** Sets roles and the disabled flag; tokens issued before now are no longer accepted. */
    public void setAccess(String username, Set<String> roles, boolean disabled) {
        mongo.updateFirst(query(where("username").is(username)),
                new Update().set("roles", roles).set("disabled", disabled).set("accessChangedAt", clock.instant()),
                User.class);
    }
}
