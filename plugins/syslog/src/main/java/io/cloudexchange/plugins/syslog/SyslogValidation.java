package io.cloudexchange.plugins.syslog;

import io.cloudexchange.plugin.api.config.ValidationResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Checks a syslog configuration for real: a TCP connection (and TLS handshake) to the receiver; for
 * UDP, which has no handshake, that the host name resolves. Problems are keyed by the field to fix.
 */
final class SyslogValidation {

    private final SyslogSettings settings;

    SyslogValidation(SyslogSettings settings) {
        this.settings = settings;
    }

    ValidationResult check() {
        ValidationResult.Builder problems = ValidationResult.builder();
        SyslogMessages.headerFieldProblem(settings.logSourceIdentifier())
                .ifPresent(p -> problems.field(SyslogSettings.LOG_SOURCE_IDENTIFIER, p));
        SyslogMessages.headerFieldProblem(settings.appName())
                .ifPresent(p -> problems.field(SyslogSettings.APP_NAME, p));
        if (settings.host().isEmpty()) {
            problems.field(SyslogSettings.HOST, "Syslog server is required");
        }
        if (settings.transport() == SyslogSettings.Transport.TLS && settings.verifyCertificate()
                && !settings.caCertificate().isBlank()) {
            try {
                TlsContexts.trustStore(settings.caCertificate());
            } catch (GeneralSecurityException e) {
                problems.field(SyslogSettings.CA_CERTIFICATE, e.getMessage());
            }
        }
        ValidationResult local = problems.build();
        return local.isValid() ? connect() : local;
    }

    private ValidationResult connect() {
        String where = settings.host() + ":" + settings.port();
        if (settings.transport() == SyslogSettings.Transport.UDP) {
            try {
                InetAddress.getByName(settings.host());
                return ValidationResult.ok();
            } catch (UnknownHostException e) {
                return ValidationResult.fieldError(SyslogSettings.HOST, "Unknown host " + settings.host());
            }
        }
        try (SyslogConnection connection = SyslogConnection.open(settings)) {
            return ValidationResult.ok();
        } catch (UnknownHostException e) {
            return ValidationResult.fieldError(SyslogSettings.HOST, "Unknown host " + settings.host());
        } catch (ConnectException e) {
            return ValidationResult.fieldError(SyslogSettings.PORT,
                    "Nothing accepts connections at " + where + " (" + e.getMessage() + ")");
        } catch (SocketTimeoutException e) {
            return ValidationResult.fieldError(SyslogSettings.HOST, "No answer from " + where + " within "
                    + SyslogConnection.CONNECT_TIMEOUT.toSeconds() + " s");
        } catch (SSLPeerUnverifiedException | SSLHandshakeException e) {
            return tlsProblem(e);
        } catch (SSLException e) {
            return ValidationResult.fieldError(SyslogSettings.TRANSPORT,
                    "TLS failed with " + where + " (is it a TLS port?): " + e.getMessage());
        } catch (IOException e) {
            return ValidationResult.fieldError(SyslogSettings.HOST, "Cannot connect to " + where + ": " + e.getMessage());
        } catch (GeneralSecurityException e) {
            return ValidationResult.fieldError(SyslogSettings.CA_CERTIFICATE, e.getMessage());
        }
    }

    private ValidationResult tlsProblem(SSLException e) {
        String detail = rootMessage(e);
        if (detail.contains("No subject alternative") || detail.contains("No name matching")) {
            return ValidationResult.fieldError(SyslogSettings.CHECK_HOSTNAME,
                    "The server's certificate does not name " + settings.host() + ": " + detail);
        }
        if (detail.contains("PKIX") || detail.contains("certification path") || detail.contains("expired")) {
            return ValidationResult.fieldError(SyslogSettings.CA_CERTIFICATE,
                    "The server's certificate is not trusted: " + detail);
        }
        return ValidationResult.fieldError(SyslogSettings.TRANSPORT, "TLS handshake failed: " + detail);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
