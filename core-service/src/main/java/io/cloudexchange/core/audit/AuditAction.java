package io.cloudexchange.core.audit;

/** What an audit entry records. */
public enum AuditAction {
    CREATE, UPDATE, DELETE, LOGIN, LOGIN_FAILED, TOKEN_ISSUED, PERMISSION_CHANGE, PASSWORD_CHANGE, PASSWORD_RESET
}
