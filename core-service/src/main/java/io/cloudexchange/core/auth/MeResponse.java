package io.cloudexchange.core.auth;

import java.util.List;

public record MeResponse(String username, List<String> roles, boolean passwordChangeRequired) {
}
