package io.cloudexchange.plugins.netskope.tenant;

import io.cloudexchange.plugins.netskope.dataexport.DataExportType;

/**
 * What probing one type found.
 *
 * @param detail a sentence for the admin (never holds the token)
 */
public record ProbeResult(DataExportType type, Outcome outcome, String detail) {

    /** The verdict for one type. */
    public enum Outcome {
        /** 200, or 409 (the probe index is busy, which proves access). */
        OK,
        /** 401: wrong, expired or revoked token. */
        TOKEN_INVALID,
        /** 403: the token lacks the scope {@link #missingScope()}. */
        MISSING_SCOPES,
        /** No answer, or an answer that is not a tenant's (5xx, 404, TLS or DNS errors). */
        UNREACHABLE
    }

    /** The scope to add to the token: the type's endpoint path. */
    public String missingScope() {
        return type.path();
    }
}
