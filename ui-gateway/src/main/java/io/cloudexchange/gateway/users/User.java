package io.cloudexchange.gateway.users;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A user account as core-service answers it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record User(String id, String username, List<String> roles, boolean active, boolean mustChangePassword,
        boolean locked, String lastLoginAt) {

    public User {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    static User blank() {
        return new User(null, "", List.of("READ_ONLY"), true, false, false, null);
    }
}
