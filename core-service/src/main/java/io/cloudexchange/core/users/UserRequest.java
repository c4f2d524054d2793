package io.cloudexchange.core.users;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** {@code POST /api/users}. */
public record UserRequest(@NotBlank(message = "is required")
                          @Size(max = 100, message = "must be at most 100 characters")
                          @Pattern(regexp = "[A-Za-z0-9._@-]*", message = "may contain letters, digits and . _ @ - only")
                          String username,
                          @NotNull(message = "is required")
                          @Size(min = 1, max = 20, message = "must name 1 to 20 roles")
                          Set<@NotNull @Size(max = 50, message = "must be at most 50 characters") String> roles,
                          Boolean active) {
}
