package io.cloudexchange.core.users;

/** A generated password, shown this once; the user must replace it at the next sign-in. */
public record TemporaryPasswordResponse(UserResponse user, String temporaryPassword) {
}
