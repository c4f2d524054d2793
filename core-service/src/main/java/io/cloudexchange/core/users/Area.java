package io.cloudexchange.core.users;

/** The parts of the platform a role grants access to, each with its own {@link Permission}. */
public enum Area {
    SETTINGS, CTE, CTO, CRE, CLS
}
