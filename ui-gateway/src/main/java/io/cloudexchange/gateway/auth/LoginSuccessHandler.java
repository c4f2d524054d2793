package io.cloudexchange.gateway.auth;

import java.io.IOException;
import java.time.Duration;

import io.cloudexchange.gateway.core.CoreAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * After login: the session gets the configured idle timeout ({@code server.servlet.session.timeout}, to the second:
 * the servlet container only counts whole minutes), then to the forced password change when core asks for it, else
 * to the dashboard.
 */
@Component
public class LoginSuccessHandler implements AuthenticationSuccessHandler {

    private final Duration sessionTimeout;

    LoginSuccessHandler(@Value("${server.servlet.session.timeout:60m}") Duration sessionTimeout) {
        this.sessionTimeout = sessionTimeout;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        request.getSession().setMaxInactiveInterval((int) Math.max(1, sessionTimeout.toSeconds()));
        boolean mustChangePassword = authentication instanceof CoreAuthentication login
                && login.passwordChangeRequired();
        response.sendRedirect(mustChangePassword ? "/change-password" : "/");
    }
}
