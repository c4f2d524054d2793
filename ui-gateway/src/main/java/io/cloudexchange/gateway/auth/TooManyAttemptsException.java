package io.cloudexchange.gateway.auth;

import org.springframework.security.core.AuthenticationException;

/** Core-service refuses sign-ins from this address for a while (429) after too many failures. */
class TooManyAttemptsException extends AuthenticationException {

    TooManyAttemptsException(String message) {
        super(message);
    }
}
