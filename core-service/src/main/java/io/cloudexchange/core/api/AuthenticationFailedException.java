package io.cloudexchange.core.api;

/** Credentials were refused (401). The message never says which part was wrong. */
public class AuthenticationFailedException extends RuntimeException {

    public AuthenticationFailedException(String message) {
        super(message);
    }
}
