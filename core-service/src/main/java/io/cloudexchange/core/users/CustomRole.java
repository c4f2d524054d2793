package io.cloudexchange.core.users;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A role defined by the super admin: a permission per area (areas left out are {@link Permission#NONE}).
 *
 * @param name unique, never a built-in role's name; the document id, so it cannot be renamed
 */
@Document(CustomRole.COLLECTION)
public record CustomRole(@Id String name, String description, Map<Area, Permission> permissions,
                         Instant createdAt, Instant updatedAt) {

    public static final String COLLECTION = "roles";

    public CustomRole {
        Map<Area, Permission> complete = new EnumMap<>(Area.class);
        for (Area area : Area.values()) {
            complete.put(area, permissions == null ? Permission.NONE : permissions.getOrDefault(area, Permission.NONE));
        }
        permissions = Map.copyOf(complete);
    }
}
