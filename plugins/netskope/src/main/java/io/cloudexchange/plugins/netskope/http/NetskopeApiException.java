package io.cloudexchange.plugins.netskope.http;

/** A tenant call that failed for good; the message is meant for the platform log and never holds a token. */
public final class NetskopeApiException extends RuntimeException {

    /** Why the call failed. */
    public enum Problem {
        /** 401: the token is wrong, expired or revoked. */
        TOKEN_INVALID,
        /** 403: the token lacks the endpoint's scope. */
        MISSING_SCOPE,
        /** Another 4xx, or a body the tenant accepted but reported as failed. */
        REJECTED,
        /** 5xx, 429, network errors or broken bodies, still failing after every retry. */
        UNAVAILABLE
    }

    private final Problem problem;
    private final int status;

    public NetskopeApiException(Problem problem, int status, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.status = status;
    }

    public Problem problem() {
        return problem;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }
}
