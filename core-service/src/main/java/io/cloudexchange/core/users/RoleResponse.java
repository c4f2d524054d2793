package io.cloudexchange.core.users;

import java.util.Map;

/** A built-in or custom role and what it allows per area. */
public record RoleResponse(String name, String description, boolean builtIn, Map<Area, Permission> permissions) {

    static RoleResponse of(Role role) {
        String description = switch (role) {
            case SUPER_ADMIN -> "Everything, including users and roles; held by exactly one user";
            case ADMIN -> "Reads and writes every area; no user or role management";
            case READ_ONLY -> "Reads every area";
        };
        return new RoleResponse(role.name(), description, true, role.permissions());
    }

    static RoleResponse of(CustomRole role) {
        return new RoleResponse(role.name(), role.description(), false, role.permissions());
    }
}
