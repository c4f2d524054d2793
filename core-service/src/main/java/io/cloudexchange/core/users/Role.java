package io.cloudexchange.core.users;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in roles. {@link #SUPER_ADMIN} is held by exactly one user and is the only role that manages
 * users and roles; {@link #ADMIN} reads and writes every area; {@link #READ_ONLY} reads every area.
 * Users may also hold {@link CustomRole custom roles}; users store role names, built-in or custom.
 */
public enum Role {
    SUPER_ADMIN(Permission.WRITE),
    ADMIN(Permission.WRITE),
    READ_ONLY(Permission.READ);

    private final Permission everyArea;

    Role(Permission everyArea) {
        this.everyArea = everyArea;
    }

    public static Optional<Role> named(String name) {
        return Arrays.stream(values()).filter(role -> role.name().equals(name)).findFirst();
    }

    public Map<Area, Permission> permissions() {
        Map<Area, Permission> permissions = new EnumMap<>(Area.class);
        for (Area area : Area.values()) {
            permissions.put(area, everyArea);
        }
        return permissions;
    }
}
