package io.cloudexchange.core.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record LoginRequest(@NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String username,
                           @NotBlank(message = "is required") @Size(max = 1000, message = "must be at most 1000 characters") String password) {
}
