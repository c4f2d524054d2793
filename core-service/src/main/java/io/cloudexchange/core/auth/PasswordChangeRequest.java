package io.cloudexchange.core.auth;

public record PasswordChangeRequest(String currentPassword, String newPassword) {
}
