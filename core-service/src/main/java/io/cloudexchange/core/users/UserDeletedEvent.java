package io.cloudexchange.core.users;

/** Published after a user was deleted, so what the user owned (e.g. API clients) goes too. */
public record UserDeletedEvent(String username) {
}
