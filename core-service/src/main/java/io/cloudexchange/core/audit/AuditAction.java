package io.cloudexchange.core.audit;

/** What an audit entry records. */
public enum AuditAction {
    CREATE, UPDATE, DELETE, LOGIN, LOGIN_FAILED, TOKEN_ISSUED, PERMISSION_CHANGE, PASSWORD_CHANGE, PASSWORD_RESET,
    /** A source address refused sign-ins for a while after too many failures. */
    ADDRESS_THROTTLED,
    /** First use of an API client's bearer token from a source address. */
    TOKEN_USED
}
