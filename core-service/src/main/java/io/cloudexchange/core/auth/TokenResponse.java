package io.cloudexchange.core.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.cloudexchange.core.security.TokenIssuer.IssuedToken;

/** OAuth2-style token answer; {@code password_change_required} only on user sign-in. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(@JsonProperty("access_token") String accessToken,
                            @JsonProperty("token_type") String tokenType,
                            @JsonProperty("expires_in") long expiresIn,
                            @JsonProperty("password_change_required") Boolean passwordChangeRequired) {

    public static TokenResponse of(IssuedToken token, Boolean passwordChangeRequired) {
        return new TokenResponse(token.value(), "Bearer", token.expiresInSeconds(), passwordChangeRequired);
    }
}
