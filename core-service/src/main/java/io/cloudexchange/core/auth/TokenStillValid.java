package io.cloudexchange.core.auth;

import io.cloudexchange.core.security.TokenClaims;
import io.cloudexchange.core.security.TokenIssuer;
import io.cloudexchange.core.users.User;
import io.cloudexchange.core.users.UserRepository;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Rejects tokens whose grant ended before they expired: revoked or expired API clients, deleted or
 * disabled users (and their clients' tokens), tokens issued before the user's last change of roles or
 * active state, and user tokens issued before the user's last password change.
 */
@Component
class TokenStillValid implements OAuth2TokenValidator<Jwt> {

    private final ApiClientRepository clients;
    private final UserRepository users;
    private final Clock clock;

    TokenStillValid(ApiClientRepository clients, UserRepository users, Clock clock) {
        this.clients = clients;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        boolean valid = TokenClaims.TYPE_CLIENT.equals(token.getClaimAsString(TokenClaims.TOKEN_TYPE))
                ? clientActive(token.getSubject()) && ownerAccessCurrent(token)
                : userTokenCurrent(token);
        return valid ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                        "The grant behind this token was revoked", null));
    }

    private boolean clientActive(String clientId) {
        return clients.findById(clientId).filter(client -> !client.isExpired(clock.instant())).isPresent();
    }

    private boolean userTokenCurrent(Jwt token) {
        return users.findByUsername(token.getSubject())
                .filter(user -> accessCurrent(token, user))
                .filter(user -> stampMatches(token, TokenClaims.PASSWORD_CHANGED_AT, user.passwordChangedAt()))
                .isPresent();
    }

    private boolean ownerAccessCurrent(Jwt token) {
        String owner = token.getClaimAsString(TokenClaims.OWNER);
        return owner != null && users.findByUsername(owner).filter(user -> accessCurrent(token, user)).isPresent();
    }

    private static boolean accessCurrent(Jwt token, User user) {
        return !user.disabled() && stampMatches(token, TokenClaims.ACCESS_CHANGED_AT, user.accessChangedAt());
    }

    /** Token times have whole seconds; stamps have milliseconds, so a change within the second still counts. */
    private static boolean stampMatches(Jwt token, String claim, Instant current) {
        return token.getClaim(claim) instanceof Number issuedWith && issuedWith.longValue() == TokenIssuer.stamp(current);
    }
}
