package io.cloudexchange.core.auth;

import io.cloudexchange.core.users.Area;
import io.cloudexchange.core.users.Permission;
import java.util.List;
import java.util.Map;

/**
 * The caller and what they may do now: {@code permissions} per area (the strongest any of their roles
 * grants), {@code auditLog} read access to the audit log, {@code usersAndRoles} user and role management.
 * A guide for the UI; the server checks every request itself.
 */
public record MeResponse(String username, List<String> roles, boolean passwordChangeRequired,
                         Map<Area, Permission> permissions, boolean auditLog, boolean usersAndRoles) {
}
