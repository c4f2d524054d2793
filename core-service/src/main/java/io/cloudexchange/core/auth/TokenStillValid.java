package io.cloudexchange.core.auth;

import io.cloudexchange.core.security.TokenClaims;
import io.cloudexchange.core.security.TokenIssuer;
import io.cloudexchange.core.users.User;
import io.cloudexchange.core.users.UserRepository;
import java.time.Clock;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Rejects tokens whose grant ended before they expired: revoked or expired API clients, deleted
 * users, and user tokens issued before the user's last password change.
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
                ? clientActive(token.getSubject())
                : userTokenCurrent(token);
        return valid ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                        "The grant behind this token was revoked", null));
    }

    private boolean clientActive(String clientId) {
        return clients.findById(clientId).filter(client -> !client.isExpired(clock.instant())).isPresent();
    }

    private boolean userTokenCurrent(Jwt token) {
        User user = users.findByUsername(token.getSubject()).orElse(null);
        if (user == null) {
            return false;
        }
        // Token times have whole seconds; the stamp has milliseconds, so a change within the second still counts.
        Object stamp = token.getClaim(TokenClaims.PASSWORD_CHANGED_AT);
        return stamp instanceof Number issuedWith
                && issuedWith.longValue() == TokenIssuer.passwordChangeStamp(user.passwordChangedAt());
    }
}
