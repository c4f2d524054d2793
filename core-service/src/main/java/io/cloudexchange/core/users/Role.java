package io.cloudexchange.core.users;

/** What a user may do. Only the super admin exists in this release; more roles come with user management. */
public enum Role {
    SUPER_ADMIN
}
