package io.cloudexchange.core.users;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** {@code PUT /api/users/{id}}: the username cannot change (tokens and API clients refer to it). */
public record UserUpdateRequest(@NotNull(message = "is required")
                                @Size(min = 1, max = 20, message = "must name 1 to 20 roles")
                                Set<@NotNull @Size(max = 50, message = "must be at most 50 characters") String> roles,
                                @NotNull(message = "is required") Boolean active) {
}
