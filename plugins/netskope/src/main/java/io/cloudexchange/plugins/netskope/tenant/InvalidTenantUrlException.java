package io.cloudexchange.plugins.netskope.tenant;

/** Text that is not a Netskope tenant URL; the message says why and what is expected. */
public final class InvalidTenantUrlException extends IllegalArgumentException {

    public InvalidTenantUrlException(String message) {
        super(message);
    }
}
