package io.cloudexchange.core.settings;

/** The proxy as the API shows it: whether a password is stored, never the password. */
public record ProxyResponse(String url, String username, boolean passwordSet) {

    static ProxyResponse of(ProxySettings proxy) {
        return new ProxyResponse(proxy.url(), proxy.username(), proxy.encryptedPassword() != null);
    }
}
