package io.cloudexchange.gateway.core;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Answer of {@code POST /api/auth/login}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LoginResult(@JsonProperty("access_token") String accessToken,
        @JsonProperty("password_change_required") boolean passwordChangeRequired) {
}
