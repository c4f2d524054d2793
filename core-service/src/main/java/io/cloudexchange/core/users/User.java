package io.cloudexchange.core.users;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person who signs in to the platform. Changes after creation go through {@link UserAccounts}
 * as targeted updates, so concurrent logins never overwrite each other's counters.
 *
 * @param passwordHash delegating-encoder hash, e.g. {@code {bcrypt}$2a$...}
 * @param roles names of built-in ({@link Role}) or custom roles
 * @param disabled sign-in refused and every token of the user (and of the user's API clients) rejected
 * @param mustChangePassword the next sign-in may only change the password
 * @param failedLogins consecutive failed sign-ins since the last success or lockout
 * @param lockedUntil sign-in refused until then, or null
 * @param passwordChangedAt tokens issued before this instant are no longer accepted
 * @param accessChangedAt when roles or the disabled flag last changed; older tokens are no longer accepted
 * @param previousPasswordHashes hashes of the passwords before the current one, newest first
 */
@Document("users")
public record User(@Id String id, @Indexed(unique = true) String username, String passwordHash, Set<String> roles,
                   boolean disabled, boolean mustChangePassword, int failedLogins, Instant lockedUntil,
                   Instant lastLoginAt, Instant passwordChangedAt, Instant accessChangedAt,
                   List<String> previousPasswordHashes, Instant createdAt) {

    public User {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        previousPasswordHashes = previousPasswordHashes == null ? List.of() : List.copyOf(previousPasswordHashes);
    }

    public static User create(String username, String passwordHash, Set<String> roles, boolean mustChangePassword,
                              Instant now) {
        return new User(null, username, passwordHash, roles, false, mustChangePassword, 0, null, null, now, now,
                List.of(), now);
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public boolean isSuperAdmin() {
        return roles.contains(Role.SUPER_ADMIN.name());
    }
}
