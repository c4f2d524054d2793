package io.cloudexchange.core.settings;

/**
 * The platform's outbound HTTP proxy, used by plugin configurations that opt in.
 *
 * @param url e.g. {@code http://proxy.example.com:3128}; empty when no proxy is set
 * @param username proxy user, or empty
 * @param encryptedPassword proxy password encrypted by {@code SecretCipher}, or null
 */
public record ProxySettings(String url, String username, String encryptedPassword) {

    public static final ProxySettings NONE = new ProxySettings("", "", null);

    public ProxySettings {
        url = url == null ? "" : url;
        username = username == null ? "" : username;
    }

    public boolean isSet() {
        return !url.isBlank();
    }
}
