package io.cloudexchange.gateway.tls;

import java.nio.file.Path;

import io.cloudexchange.gateway.GatewayApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class MissingCertificateTests {

    @Test
    void startupFailsWithInstructionsWhenTheCertificateIsMissing(@TempDir Path emptyDataDir) {
        Throwable failure = catchThrowable(() -> SpringApplication.run(GatewayApplication.class, "--server.port=0",
                "--cloudexchange.data-dir=" + emptyDataDir).close());

        MissingCertificateException missing = findCause(failure);
        Path certificate = emptyDataDir.resolve("ssl_certs/cte_cert.crt").toAbsolutePath();
        assertThat(missing).hasMessageContaining("run ./setup to generate a certificate, or place your own PEM files at")
                .hasMessageContaining(certificate.toString());

        FailureAnalysis analysis = new MissingCertificateFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription()).contains(certificate.toString());
        assertThat(analysis.getAction()).startsWith("Run ./setup to generate a certificate");
    }

    private static MissingCertificateException findCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MissingCertificateException missing) {
                return missing;
            }
        }
        throw new AssertionError("startup did not fail for the missing certificate", failure);
    }
}
