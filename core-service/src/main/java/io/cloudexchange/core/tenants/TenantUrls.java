package io.cloudexchange.core.tenants;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Normalises what admins type as a tenant address to {@code https://<tenant>[.<region>].goskope.com}.
 * Accepted: {@code https://acme.goskope.com}, {@code acme.eu.goskope.com}, {@code acme.eu}, {@code acme}.
 */
public final class TenantUrls {

    public static final String EXPECTED = "must be a Netskope tenant such as https://acme.goskope.com, acme.eu.goskope.com or acme.eu";

    private static final String HTTPS = "https://";
    private static final String DOMAIN = ".goskope.com";
    /** One or two DNS labels: the tenant name and an optional region. */
    private static final Pattern TENANT_HOST =
            Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)?");

    private TenantUrls() {
    }

    public static Optional<String> normalise(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String host = input.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith(HTTPS)) {
            host = host.substring(HTTPS.length());
        }
        if (host.endsWith("/")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.endsWith(DOMAIN)) {
            host = host.substring(0, host.length() - DOMAIN.length());
        }
        boolean valid = TENANT_HOST.matcher(host).matches() && !host.contains("goskope");
        return valid ? Optional.of(HTTPS + host + DOMAIN) : Optional.empty();
    }
}
