package io.cloudexchange.core.auth;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** @param expiresInDays days until the client stops working; 90 when omitted */
public record CreateClientRequest(@Size(max = 200, message = "must be at most 200 characters") String description,
                                  @Min(value = 1, message = "must be between 1 and 3650")
                                  @Max(value = 3650, message = "must be between 1 and 3650") Integer expiresInDays) {

    static final int DEFAULT_EXPIRY_DAYS = 90;

    int expiryDays() {
        return expiresInDays == null ? DEFAULT_EXPIRY_DAYS : expiresInDays;
    }
}
