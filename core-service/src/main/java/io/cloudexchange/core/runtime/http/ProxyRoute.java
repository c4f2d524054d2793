package io.cloudexchange.core.runtime.http;

import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.URI;

/** The platform proxy as the JDK HTTP client wants it. */
record ProxyRoute(String host, int port, String username, String password) {

    static ProxyRoute parse(String url, String username, String password) {
        URI uri = URI.create(url.contains("://") ? url : "http://" + url);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("proxy URL '" + url + "' has no host");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
        return new ProxyRoute(uri.getHost(), port, username, password);
    }

    ProxySelector selector() {
        return ProxySelector.of(new InetSocketAddress(host, port));
    }

    boolean hasCredentials() {
        return username != null && !username.isBlank();
    }

    /** Answers only the proxy's challenges, never a target server's. */
    Authenticator authenticator() {
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                if (getRequestorType() != RequestorType.PROXY) {
                    return null;
                }
                return new PasswordAuthentication(username, password == null ? new char[0] : password.toCharArray());
            }
        };
    }
}
