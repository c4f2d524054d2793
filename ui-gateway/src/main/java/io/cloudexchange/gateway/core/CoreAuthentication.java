package io.cloudexchange.gateway.core;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A browser session's login at core-service: the bearer token the gateway adds to the user's calls to core.
 * The token is deliberately not the credentials, so Spring Security does not erase it after login.
 */
public class CoreAuthentication extends AbstractAuthenticationToken {

    private final String username;
    private final String accessToken;
    private final boolean passwordChangeRequired;

    public CoreAuthentication(String username, String accessToken, boolean passwordChangeRequired) {
        super(List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));
        this.username = username;
        this.accessToken = accessToken;
        this.passwordChangeRequired = passwordChangeRequired;
        setAuthenticated(true);
    }

    public String accessToken() {
        return accessToken;
    }

    public boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return username;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CoreAuthentication that && super.equals(that) && accessToken.equals(that.accessToken);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + accessToken.hashCode();
    }
}
