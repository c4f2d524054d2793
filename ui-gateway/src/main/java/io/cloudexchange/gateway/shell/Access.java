package io.cloudexchange.gateway.shell;

import java.util.List;
import java.util.Map;

/**
 * What the navigation and pages offer the logged-in user, from {@code GET /api/me}: the permission per area
 * ({@code NONE}, {@code READ}, {@code WRITE}), audit log access and user management. Only a guide for what to
 * show: core-service decides every request itself.
 */
public record Access(List<String> roles, Map<String, String> permissions, boolean auditLog, boolean usersAndRoles) {

    private static final String WRITE = "WRITE";
    private static final String READ = "READ";

    public Access {
        roles = roles == null ? List.of() : List.copyOf(roles);
        permissions = permissions == null ? Map.of() : Map.copyOf(permissions);
    }

    /** Manages users and roles (docs/security.md). */
    public boolean superAdmin() {
        return usersAndRoles;
    }

    /** Reads the settings area (tenants, plugins, configurations, platform logs). */
    public boolean settings() {
        return canRead("SETTINGS");
    }

    public boolean canRead(String area) {
        String permission = permissions.get(area);
        return READ.equals(permission) || WRITE.equals(permission);
    }

    public boolean canWrite(String area) {
        return WRITE.equals(permissions.get(area));
    }
}
