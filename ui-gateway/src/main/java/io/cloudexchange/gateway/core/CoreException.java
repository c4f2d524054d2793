package io.cloudexchange.gateway.core;

import java.util.Map;

/** Core-service answered with an error status. */
public class CoreException extends RuntimeException {

    static final String PASSWORD_CHANGE_REQUIRED = "Password change required";

    private final int status;
    private final CoreProblem problem;

    CoreException(int status, CoreProblem problem) {
        super("Core service answered " + status + (problem.title() == null ? "" : ": " + problem.title()));
        this.status = status;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    public CoreProblem problem() {
        return problem;
    }

    public boolean isUnauthorized() {
        return status == 401;
    }

    public boolean isPasswordChangeRequired() {
        return status == 403 && PASSWORD_CHANGE_REQUIRED.equals(problem.title());
    }

    public boolean isValidationFailure() {
        return status == 400;
    }

    /** Core refused a form's values: invalid fields (400) or a name already used (409). */
    public boolean isFormRejection() {
        return status == 400 || status == 409;
    }

    /** Core's errors by field; a conflict that names no field is put on the field whose value must be unique. */
    public Map<String, String> fieldErrors(String uniqueField) {
        if (status == 409 && problem.errors().isEmpty()) {
            return Map.of(uniqueField, userMessage());
        }
        return problem.errors();
    }

    /** What to tell the user: core's detail, else its title. */
    public String userMessage() {
        if (problem.detail() != null && !problem.detail().isBlank()) {
            return problem.detail();
        }
        return problem.title() == null ? "Core service answered " + status : problem.title();
    }
}
