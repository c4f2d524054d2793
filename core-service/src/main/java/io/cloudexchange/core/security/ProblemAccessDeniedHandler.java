package io.cloudexchange.core.security;

import io.cloudexchange.core.api.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 403 problem+json; names the password-change gate when that is the reason. */
@Component
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final ProblemResponseWriter writer;

    ProblemAccessDeniedHandler(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (PasswordChangeGate.mustChangePassword(SecurityContextHolder.getContext().getAuthentication())) {
            writer.write(response, HttpStatus.FORBIDDEN, Problems.PASSWORD_CHANGE_REQUIRED,
                    "Change the initial password with POST /api/auth/password, then sign in again");
        } else {
            writer.write(response, HttpStatus.FORBIDDEN, "Forbidden", "Your roles do not allow this request");
        }
    }
}
