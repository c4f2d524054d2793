package io.cloudexchange.gateway.users;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Answer of creating a user or resetting a password: the generated password, which core shows this once. */
@JsonIgnoreProperties(ignoreUnknown = true)
record TemporaryPassword(User user, String temporaryPassword) {
}
