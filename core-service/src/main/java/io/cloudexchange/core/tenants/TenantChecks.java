package io.cloudexchange.core.tenants;

import io.cloudexchange.core.runtime.http.PluginHttpClients;
import io.cloudexchange.plugin.api.PlatformVersion;
import io.cloudexchange.plugin.api.config.ValidationResult;
import io.cloudexchange.plugin.api.tenant.TenantCheck;
import io.cloudexchange.plugin.api.tenant.TenantValidator;
import java.util.ServiceLoader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Checks tenants with the {@link TenantValidator} the bundled Netskope plugin provides, over the
 * platform's HTTP clients (proxy and CA certificates). Loopback tenant URLs (a local simulator) are
 * accepted only with {@code cloudexchange.tenants.allow-loopback=true}.
 */
@Component
class TenantChecks {

    private final TenantValidator validator;
    private final PluginHttpClients httpClients;
    private final boolean allowLoopback;
    private final String userAgent = "cloud-exchange/" + PlatformVersion.current();

    TenantChecks(PluginHttpClients httpClients,
                 @Value("${cloudexchange.tenants.allow-loopback:false}") boolean allowLoopback) {
        this.validator = ServiceLoader.load(TenantValidator.class, TenantChecks.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new IllegalStateException("No " + TenantValidator.class.getName()
                        + " on the class path: the bundled Netskope plugin is missing"));
        this.httpClients = httpClients;
        this.allowLoopback = allowLoopback;
    }

    /**
     * @throws IllegalArgumentException whose message tells the admin what is wrong with the URL
     */
    String normaliseUrl(String typed) {
        return validator.normaliseUrl(typed, allowLoopback);
    }

    /** Asks the tenant whether the token reads every selected type; problems are keyed by request field. */
    ValidationResult probe(TenantCheck check, boolean useSystemProxy) {
        return validator.validate(check, httpClients.verifyingClient(useSystemProxy), userAgent);
    }
}
