package io.cloudexchange.gateway.users;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A role and its permission (NONE, READ or WRITE) per area. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Role(String name, String description, boolean builtIn, Map<String, String> permissions) {

    static final String SUPER_ADMIN = "SUPER_ADMIN";

    static final List<String> AREAS = List.of("SETTINGS", "CTE", "CTO", "CRE", "CLS");

    static final List<String> LEVELS = List.of("NONE", "READ", "WRITE");

    public Role {
        permissions = permissions == null ? Map.of() : Map.copyOf(permissions);
    }

    static Role blank() {
        return new Role(null, "", false, Map.of());
    }

    /** The permission on an area; core leaves out the areas a role has none on. */
    public String permission(String area) {
        return permissions.getOrDefault(area, "NONE");
    }

    /** Every area in display order with its permission. */
    public Map<String, String> permissionsByArea() {
        Map<String, String> byArea = new LinkedHashMap<>();
        AREAS.forEach(area -> byArea.put(area, permission(area)));
        return byArea;
    }
}
