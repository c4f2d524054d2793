package io.cloudexchange.core.api;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds the problem+json bodies described in docs/api.md. */
public final class Problems {

    public static final String VALIDATION_FAILED = "Validation failed";
    public static final String PASSWORD_CHANGE_REQUIRED = "Password change required";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail invalidFields(Map<String, String> errors, String message) {
        String detail = message != null ? message
                : errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid";
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, VALIDATION_FAILED, detail);
        problem.setProperty("errors", errors);
        return problem;
    }
}
