package io.cloudexchange.core.security;

/** Claim names of the platform's bearer tokens. */
public final class TokenClaims {

    public static final String ISSUER = "cloud-exchange";
    public static final String ROLES = "roles";
    public static final String PASSWORD_CHANGE = "pwd_change";
    public static final String TOKEN_TYPE = "token_type";
    /** The user's password-change time (epoch millis, 0 if never) when the token was issued. */
    public static final String PASSWORD_CHANGED_AT = "pwd_at";
    /** The user's (for client tokens: the owner's) access-change time (epoch millis, 0 if never) when the token was issued. */
    public static final String ACCESS_CHANGED_AT = "acc_at";
    /** On client tokens: the user whose roles the client carries. */
    public static final String OWNER = "owner";

    public static final String TYPE_USER = "user";
    public static final String TYPE_CLIENT = "client";

    private TokenClaims() {
    }
}
