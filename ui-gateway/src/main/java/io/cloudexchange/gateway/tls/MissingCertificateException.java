package io.cloudexchange.gateway.tls;

import java.nio.file.Path;

/** The gateway cannot serve HTTPS because its PEM certificate or key file is missing or unreadable. */
public class MissingCertificateException extends IllegalStateException {

    private final Path certificate;
    private final Path privateKey;

    MissingCertificateException(Path certificate, Path privateKey) {
        super("TLS certificate not found: run ./setup to generate a certificate, or place your own PEM files at "
                + certificate + " and " + privateKey);
        this.certificate = certificate;
        this.privateKey = privateKey;
    }

    Path certificate() {
        return certificate;
    }

    Path privateKey() {
        return privateKey;
    }
}
