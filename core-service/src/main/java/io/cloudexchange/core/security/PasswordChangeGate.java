package io.cloudexchange.core.security;

import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** Refuses requests from users who still have to change their initial password. */
final class PasswordChangeGate implements AuthorizationManager<RequestAuthorizationContext> {

    static boolean mustChangePassword(Authentication authentication) {
        return authentication instanceof JwtAuthenticationToken token
                && Actor.from(token.getToken()).passwordChangeRequired();
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                         RequestAuthorizationContext context) {
        return new AuthorizationDecision(!mustChangePassword(authentication.get()));
    }
}
