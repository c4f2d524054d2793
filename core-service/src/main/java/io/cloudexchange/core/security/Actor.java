package io.cloudexchange.core.security;

import java.util.List;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who sent a request, read from its bearer token.
 *
 * @param username the signed-in user, or the owner of the API client
 * @param clientId the API client, or null for user tokens
 */
public record Actor(String username, String clientId, List<String> roles, boolean passwordChangeRequired) {

    public static Actor from(Jwt jwt) {
        List<String> roles = jwt.hasClaim(TokenClaims.ROLES) ? jwt.getClaimAsStringList(TokenClaims.ROLES) : List.of();
        boolean passwordChange = Boolean.TRUE.equals(jwt.getClaimAsBoolean(TokenClaims.PASSWORD_CHANGE));
        if (TokenClaims.TYPE_CLIENT.equals(jwt.getClaimAsString(TokenClaims.TOKEN_TYPE))) {
            return new Actor(jwt.getClaimAsString(TokenClaims.OWNER), jwt.getSubject(), roles, false);
        }
        return new Actor(jwt.getSubject(), null, roles, passwordChange);
    }

    public boolean isClient() {
        return clientId != null;
    }

    /** How the platform log names this actor. */
    public String describe() {
        return isClient() ? "API client " + clientId + " of " + username : username;
    }
}
