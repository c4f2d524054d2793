package io.cloudexchange.core.runtime.http;

import io.cloudexchange.core.config.CloudExchangeProperties;
import io.cloudexchange.core.configurations.PluginConfiguration;
import io.cloudexchange.core.logging.PlatformLog;
import io.cloudexchange.core.secrets.SecretCipher;
import io.cloudexchange.core.settings.ProxySettings;
import io.cloudexchange.core.settings.SettingsService;
import java.io.IOException;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import org.springframework.stereotype.Component;

/**
 * HTTP clients for plugins, shared by every configuration with the same proxy and TLS settings.
 * Clients built for an outdated proxy or CA set are dropped as soon as the settings change.
 */
@Component
public class PluginHttpClients {

    static final String CA_CERTS_DIRECTORY = "ca_certs";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final SettingsService settings;
    private final SecretCipher cipher;
    private final PlatformLog platformLog;
    private final CaCertificates caCertificates;
    private final Map<ClientSettings, HttpClient> clients = new ConcurrentHashMap<>();
    private final Set<String> warnedAboutTls = ConcurrentHashMap.newKeySet();

    public PluginHttpClients(SettingsService settings, SecretCipher cipher, PlatformLog platformLog,
                             CloudExchangeProperties properties) {
        this.settings = settings;
        this.cipher = cipher;
        this.platformLog = platformLog;
        this.caCertificates = new CaCertificates(properties.dataDir().resolve(CA_CERTS_DIRECTORY));
    }

    public HttpClient clientFor(PluginConfiguration configuration) {
        if (!configuration.sslValidation()) {
            warnOnce(configuration);
        }
        return client(configuration.useSystemProxy(), configuration.sslValidation());
    }

    /** A client that verifies certificates, for the platform's own calls (e.g. checking a Netskope tenant). */
    public HttpClient verifyingClient(boolean useSystemProxy) {
        return client(useSystemProxy, true);
    }

    private HttpClient client(boolean useSystemProxy, boolean sslValidation) {
        ProxySettings platformProxy = settings.current().proxy();
        ProxySettings proxy = useSystemProxy ? platformProxy : ProxySettings.NONE;
        String trust = caCertificates.fingerprint();
        ClientSettings wanted = new ClientSettings(proxy, sslValidation, trust);
        clients.keySet().removeIf(existing -> !existing.trust().equals(trust)
                || (existing.proxy().isSet() && !existing.proxy().equals(platformProxy)));
        return clients.computeIfAbsent(wanted, this::build);
    }

    private HttpClient build(ClientSettings wanted) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .sslContext(sslContext(wanted.sslValidation()));
        if (wanted.proxy().isSet()) {
            ProxySettings proxy = wanted.proxy();
            String password = proxy.encryptedPassword() == null ? null : cipher.decrypt(proxy.encryptedPassword());
            ProxyRoute route = ProxyRoute.parse(proxy.url(), proxy.username(), password);
            builder.proxy(route.selector());
            if (route.hasCredentials()) {
                builder.authenticator(route.authenticator());
            }
        }
        return builder.build();
    }

    private SSLContext sslContext(boolean validate) {
        try {
            if (!validate) {
                return SslContexts.trustingEverything();
            }
            return SslContexts.trusting(caCertificates.load((file, problem) -> platformLog.warn(PlatformLog.PLATFORM_SOURCE,
                    "CE-2101", "CA certificate file " + file.getFileName() + " is ignored: " + problem.getMessage())));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the TLS settings of plugin HTTP clients", e);
        }
    }

    private void warnOnce(PluginConfiguration configuration) {
        String key = String.valueOf(configuration.id());
        if (warnedAboutTls.add(key)) {
            platformLog.warn(PlatformLog.configurationSource(configuration.id()), "CE-2102",
                    "TLS certificate validation is off for configuration '" + configuration.name()
                            + "': its HTTPS connections trust any certificate");
        }
    }

    private record ClientSettings(ProxySettings proxy, boolean sslValidation, String trust) {
    }
}
