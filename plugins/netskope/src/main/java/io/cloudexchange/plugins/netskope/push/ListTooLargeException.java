package io.cloudexchange.plugins.netskope.push;

/** A list larger than the tenant accepts; nothing was sent. */
public final class ListTooLargeException extends IllegalArgumentException {

    public ListTooLargeException(String message) {
        super(message);
    }
}
