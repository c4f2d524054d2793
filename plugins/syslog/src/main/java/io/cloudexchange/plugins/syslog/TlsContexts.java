package io.cloudexchange.plugins.syslog;

import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** TLS client contexts for the syslog connection: the configured CA, the JVM's trust store, or no check. */
final class TlsContexts {

    private TlsContexts() {
    }

    static SSLContext forSettings(SyslogSettings settings) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        if (!settings.verifyCertificate()) {
            context.init(null, new TrustManager[] {new TrustEverything()}, null);
        } else if (settings.caCertificate().isBlank()) {
            context.init(null, null, null);
        } else {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trustStore(settings.caCertificate()));
            context.init(null, factory.getTrustManagers(), null);
        }
        return context;
    }

    /** The certificates of a PEM text as a trust store; a CertificateException says what is wrong. */
    static KeyStore trustStore(String pem) throws GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        try {
            certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.trim().getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new CertificateException("not a PEM certificate: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new CertificateException("no certificate found in the PEM text");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        int i = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("ca-" + i++, certificate);
        }
        return store;
    }

    /** Accepts any certificate: only when the admin turned verification off. */
    private static final class TrustEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
