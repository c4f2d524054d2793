package io.cloudexchange.core.settings;

import io.cloudexchange.core.logging.PlatformLog;
import io.cloudexchange.core.secrets.SecretCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Seeds the platform proxy from setup's configuration ({@code PROXY_URL}, {@code PROXY_USERNAME},
 * {@code PROXY_PASSWORD} in {@code cloudexchange.config}, passed as {@code cloudexchange.proxy.*}) when
 * no proxy was set yet. Once set, the proxy belongs to Settings &gt; Proxy and setup no longer changes it.
 */
@Component
class ProxyFromSetup {

    private final SettingsService settings;
    private final SecretCipher cipher;
    private final PlatformLog platformLog;
    private final String url;
    private final String username;
    private final String password;

    ProxyFromSetup(SettingsService settings, SecretCipher cipher, PlatformLog platformLog,
                   @Value("${cloudexchange.proxy.url:}") String url,
                   @Value("${cloudexchange.proxy.username:}") String username,
                   @Value("${cloudexchange.proxy.password:}") String password) {
        this.settings = settings;
        this.cipher = cipher;
        this.platformLog = platformLog;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedProxy() {
        if (url.isBlank() || settings.current().proxy().isSet()) {
            return;
        }
        String encrypted = password.isEmpty() ? null : cipher.encrypt(password);
        settings.updateProxy(new ProxySettings(url, username, encrypted));
        platformLog.info(PlatformLog.PLATFORM_SOURCE, "Proxy " + url + " taken from setup's configuration");
    }
}
