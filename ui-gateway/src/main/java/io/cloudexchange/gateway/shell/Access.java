package io.cloudexchange.gateway.shell;

import java.util.List;

/**
 * What the navigation offers the logged-in user, from the role names {@code GET /api/me} tells and whether core let
 * them read the settings. Only a guide for what to show: core-service decides every request itself.
 */
public record Access(List<String> roles, boolean settings) {

    public Access {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** Manages users and roles (docs/security.md). */
    public boolean superAdmin() {
        return roles.contains("SUPER_ADMIN");
    }

    public boolean auditLog() {
        return superAdmin() || roles.contains("ADMIN");
    }
}
