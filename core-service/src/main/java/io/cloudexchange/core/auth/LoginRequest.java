package io.cloudexchange.core.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record LoginRequest(@NotBlank(message = "is required") @Size(max = 100) String username,
                           @NotBlank(message = "is required") @Size(max = 1000) String password) {
}
