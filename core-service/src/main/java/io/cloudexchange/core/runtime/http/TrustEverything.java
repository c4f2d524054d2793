package io.cloudexchange.core.runtime.http;

import java.net.Socket;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts any certificate for any host name, for configurations with TLS validation turned off.
 * Being an {@link X509ExtendedTrustManager}, it also replaces JSSE's host name check.
 */
final class TrustEverything extends X509ExtendedTrustManager {

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // trusts everything
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // trusts everything
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // trusts everything
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // trusts everything
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // trusts everything
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // trusts everything
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
