package io.cloudexchange.gateway.auth;

import java.io.IOException;

import io.cloudexchange.gateway.core.CoreAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/** After login: to the forced password change when core asks for it, else to the dashboard. */
@Component
public class LoginSuccessHandler implements AuthenticationSuccessHandler {

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        boolean mustChangePassword = authentication instanceof CoreAuthentication login
                && login.passwordChangeRequired();
        response.sendRedirect(mustChangePassword ? "/change-password" : "/");
    }
}
