package io.cloudexchange.core.users;

import java.time.Instant;
import java.time.Clock;
import java.util.List;

/** A user as the API shows it: never a password hash. */
public record UserResponse(String id, String username, List<String> roles, boolean active, boolean mustChangePassword,
                           boolean locked, Instant lastLoginAt, Instant createdAt) {

    static UserResponse of(User user, Clock clock) {
        return new UserResponse(user.id(), user.username(), user.roles().stream().sorted().toList(), !user.disabled(),
                user.mustChangePassword(), user.isLocked(clock.instant()), user.lastLoginAt(), user.createdAt());
    }
}
