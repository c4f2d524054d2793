package io.cloudexchange.core.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * What a set of role names allows, per area: the strongest permission any of the roles grants. Custom
 * roles are read from MongoDB at most every {@link #CACHE_TTL}; this node forgets them at once when they
 * change, other nodes of a cluster within the TTL.
 */
@Service
public class RolePermissions {

    public static final Duration CACHE_TTL = Duration.ofSeconds(10);

    private final CustomRoleRepository customRoles;
    private final Clock clock;
    private volatile Snapshot snapshot;

    RolePermissions(CustomRoleRepository customRoles, Clock clock) {
        this.customRoles = customRoles;
        this.clock = clock;
    }

    private record Snapshot(Map<String, CustomRole> roles, Instant loadedAt) {
    }

    public Map<Area, Permission> of(Collection<String> roleNames) {
        Map<Area, Permission> granted = new EnumMap<>(Area.class);
        for (Area area : Area.values()) {
            granted.put(area, Permission.NONE);
        }
        for (String name : roleNames) {
            Map<Area, Permission> permissions = permissionsOf(name);
            permissions.forEach((area, permission) -> granted.merge(area, permission, Permission::strongest));
        }
        return granted;
    }

    /** True for built-in role names and existing custom roles. */
    public boolean exists(String roleName) {
        return Role.named(roleName).isPresent() || customRoles.existsById(roleName);
    }

    void forget() {
        snapshot = null;
    }

    private Map<Area, Permission> permissionsOf(String name) {
        return Role.named(name).map(Role::permissions).orElseGet(() -> {
            CustomRole custom = current().roles().get(name);
            return custom == null ? Map.of() : custom.permissions();
        });
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || !now.isBefore(current.loadedAt().plus(CACHE_TTL))) {
            current = new Snapshot(customRoles.findAll().stream()
                    .collect(Collectors.toMap(CustomRole::name, Function.identity())), now);
            snapshot = current;
        }
        return current;
    }
}
