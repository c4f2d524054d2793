package io.cloudexchange.gateway.shell;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Answer of {@code GET /api/me}: who is logged in and what core lets them do (permission per area). */
@JsonIgnoreProperties(ignoreUnknown = true)
record Me(String username, List<String> roles, Map<String, String> permissions, boolean auditLog,
        boolean usersAndRoles) {
}
