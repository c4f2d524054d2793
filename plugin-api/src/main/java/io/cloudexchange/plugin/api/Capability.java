package io.cloudexchange.plugin.api;

/** What a plugin can do; the core only calls the operations a plugin declares. */
public enum Capability {
    PULL, PUSH, PATCH, DELETE, RETRACTION
}
