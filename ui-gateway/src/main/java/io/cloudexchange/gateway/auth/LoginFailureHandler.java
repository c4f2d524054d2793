package io.cloudexchange.gateway.auth;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/** Back to the login page, telling bad credentials apart from a throttled address and an unreachable core-service. */
@Component
public class LoginFailureHandler implements AuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        if (exception instanceof TooManyAttemptsException) {
            response.sendRedirect("/login?throttled");
            return;
        }
        boolean coreUnavailable = exception instanceof AuthenticationServiceException;
        response.sendRedirect(coreUnavailable ? "/login?unavailable" : "/login?error");
    }
}
