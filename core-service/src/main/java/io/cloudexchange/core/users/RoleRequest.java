package io.cloudexchange.core.users;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** {@code POST /api/roles} and {@code PUT /api/roles/{name}} (where {@code name} must match or be left out). */
public record RoleRequest(@NotBlank(message = "is required")
                          @Size(max = 50, message = "must be at most 50 characters")
                          @Pattern(regexp = "[A-Za-z0-9_-]*", message = "may contain letters, digits, _ and - only")
                          String name,
                          @Size(max = 500, message = "must be at most 500 characters") String description,
                          Map<Area, Permission> permissions) {
}
