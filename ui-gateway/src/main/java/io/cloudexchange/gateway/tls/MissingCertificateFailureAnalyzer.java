package io.cloudexchange.gateway.tls;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Replaces the bean-creation stack trace of a missing certificate with a short explanation. */
class MissingCertificateFailureAnalyzer extends AbstractFailureAnalyzer<MissingCertificateException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingCertificateException cause) {
        return new FailureAnalysis(
                "The UI gateway serves HTTPS only and needs a PEM certificate at " + cause.certificate()
                        + " and its private key at " + cause.privateKey() + ".",
                "Run ./setup to generate a certificate, or place your own PEM files at those paths.", cause);
    }
}
