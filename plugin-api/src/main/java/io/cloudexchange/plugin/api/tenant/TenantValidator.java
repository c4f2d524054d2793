package io.cloudexchange.plugin.api.tenant;

import io.cloudexchange.plugin.api.config.ValidationResult;
import java.net.http.HttpClient;

/**
 * Checks a Netskope tenant as the platform's tenant settings describe it, before it is saved. A
 * plugin provides it through {@code META-INF/services/io.cloudexchange.plugin.api.tenant.TenantValidator};
 * the platform finds it with {@link java.util.ServiceLoader}. Problems are keyed by the tenant API's
 * field names: {@link #URL}, {@link #V2_TOKEN}, {@link #ALERT_TYPES}, {@link #EVENT_TYPES}.
 */
public interface TenantValidator {

    String URL = "url";
    String V2_TOKEN = "v2Token";
    String ALERT_TYPES = "alertTypes";
    String EVENT_TYPES = "eventTypes";

    /**
     * The tenant's base URL, normalised from what an admin typed (e.g. {@code acme.eu} becomes
     * {@code https://acme.eu.goskope.com}).
     *
     * @param allowLoopback whether {@code http://127.0.0.1:<port>} or {@code localhost} is accepted (a local simulator)
     * @throws IllegalArgumentException whose message says, in a sentence for the admin, what is wrong
     */
    String normaliseUrl(String text, boolean allowLoopback);

    /**
     * Asks the tenant whether the token may read each selected type. Never logs nor returns the token.
     *
     * @param client the HTTP client to reach the tenant with (the platform's proxy and trust settings)
     * @param userAgent the platform's User-Agent
     */
    ValidationResult validate(TenantCheck check, HttpClient client, String userAgent);
}
