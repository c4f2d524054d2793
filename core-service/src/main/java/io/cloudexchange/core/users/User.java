package io.cloudexchange.core.users;

import java.time.Instant;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person who signs in to the platform. Changes after creation go through {@link UserAccounts}
 * as targeted updates, so concurrent logins never overwrite each other's counters.
 *
 * @param passwordHash delegating-encoder hash, e.g. {@code {bcrypt}$2a$...}
 * @param mustChangePassword the next sign-in may only change the password
 * @param failedLogins consecutive failed sign-ins since the last success or lockout
 * @param lockedUntil sign-in refused until then, or null
 * @param passwordChangedAt tokens issued before this instant are no longer accepted
 */
@Document("users")
public record User(@Id String id, @Indexed(unique = true) String username, String passwordHash, Set<Role> roles,
                   boolean mustChangePassword, int failedLogins, Instant lockedUntil, Instant lastLoginAt,
                   Instant passwordChangedAt, Instant createdAt) {

    public User {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public static User create(String username, String passwordHash, Set<Role> roles, boolean mustChangePassword,
                              Instant now) {
        return new User(null, username, passwordHash, roles, mustChangePassword, 0, null, null, now, now);
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
