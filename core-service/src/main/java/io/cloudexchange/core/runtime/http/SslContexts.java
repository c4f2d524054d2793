package io.cloudexchange.core.runtime.http;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

final class SslContexts {

    private SslContexts() {
    }

    /** Trusts the JDK's CAs plus {@code extraCas}. */
    static SSLContext trusting(List<X509Certificate> extraCas) throws GeneralSecurityException, IOException {
        if (extraCas.isEmpty()) {
            return SSLContext.getDefault();
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int alias = 0;
        for (X509Certificate ca : jdkCas()) {
            store.setCertificateEntry("jdk-" + alias++, ca);
        }
        for (X509Certificate ca : extraCas) {
            store.setCertificateEntry("extra-" + alias++, ca);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return context(factory.getTrustManagers());
    }

    static SSLContext trustingEverything() throws GeneralSecurityException {
        return context(new TrustManager[] {new TrustEverything()});
    }

    private static List<X509Certificate> jdkCas() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return java.util.Arrays.stream(factory.getTrustManagers())
                .filter(X509TrustManager.class::isInstance)
                .flatMap(manager -> java.util.Arrays.stream(((X509TrustManager) manager).getAcceptedIssuers()))
                .toList();
    }

    private static SSLContext context(TrustManager[] trustManagers) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers, null);
        return context;
    }
}
