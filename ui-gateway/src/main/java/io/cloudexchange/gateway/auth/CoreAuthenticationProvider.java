package io.cloudexchange.gateway.auth;

import io.cloudexchange.gateway.core.CoreAuthentication;
import io.cloudexchange.gateway.core.CoreClient;
import io.cloudexchange.gateway.core.CoreException;
import io.cloudexchange.gateway.core.CoreUnavailableException;
import io.cloudexchange.gateway.core.LoginResult;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Checks the login form's username and password with core-service, which answers with the session's token. */
@Component
class CoreAuthenticationProvider implements AuthenticationProvider {

    private static final int TOO_MANY_REQUESTS = 429;

    private final CoreClient core;

    CoreAuthenticationProvider(CoreClient core) {
        this.core = core;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        return logIn(core, username, password);
    }

    static CoreAuthentication logIn(CoreClient core, String username, String password) {
        try {
            LoginResult login = core.login(username, password);
            return new CoreAuthentication(username, login.accessToken(), login.passwordChangeRequired());
        }
        catch (CoreException ex) {
            if (ex.status() == TOO_MANY_REQUESTS) {
                throw new TooManyAttemptsException(ex.userMessage());
            }
            if (ex.isUnauthorized() || ex.isValidationFailure()) {
                throw new BadCredentialsException("Invalid username or password");
            }
            throw new AuthenticationServiceException(CoreUnavailableException.MESSAGE, ex);
        }
        catch (CoreUnavailableException ex) {
            throw new AuthenticationServiceException(CoreUnavailableException.MESSAGE, ex);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
