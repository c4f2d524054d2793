package io.cloudexchange.core.sso.saml;

/** A SAML message failed a check; the message says which (for the platform log, never for the browser). */
class SamlRejected extends RuntimeException {

    SamlRejected(String reason) {
        super(reason);
    }
}
