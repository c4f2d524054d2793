package io.cloudexchange.plugins.netskope.tenant;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Netskope tenant's base URL, normalised from what admins type: {@code https://acme.goskope.com},
 * {@code acme.goskope.com}, {@code acme.eu.goskope.com}, or the short names {@code acme} and
 * {@code acme.eu}; all become {@code https://<name>.goskope.com}. A loopback host
 * ({@code http://localhost:8800}) is accepted as is, for the simulator.
 */
public record TenantUrl(URI uri) {

    public static final String DOMAIN = "goskope.com";
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    /** Normalises the text or explains, in one sentence an admin can act on, why it is not a tenant URL. */
    public static TenantUrl parse(String input) {
        String text = input == null ? "" : input.trim();
        if (text.isEmpty()) {
            throw new InvalidTenantUrlException("Enter the tenant URL, e.g. https://acme.goskope.com");
        }
        if (!text.contains("://")) {
            return new TenantUrl(URI.create("https://" + host(text.toLowerCase(Locale.ROOT), text)));
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidTenantUrlException("'" + text + "' is not a URL; expected e.g. https://acme.goskope.com");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String hostText = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (LOOPBACK.contains(hostText) && (scheme.equals("http") || scheme.equals("https"))) {
            requireNoExtras(uri, text);
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            return new TenantUrl(URI.create(scheme + "://" + hostText + port));
        }
        if (!scheme.equals("https")) {
            throw new InvalidTenantUrlException("The tenant URL must use https://, not " + scheme + "://");
        }
        if (uri.getUserInfo() != null || uri.getPort() >= 0) {
            throw new InvalidTenantUrlException("Remove the user or port from the tenant URL; expected https://"
                    + hostText + "");
        }
        requireNoExtras(uri, text);
        return new TenantUrl(URI.create("https://" + host(hostText, text)));
    }

    /** The URL of an API path, e.g. {@code /api/v2/policy/urllist}. */
    public URI resolve(String pathAndQuery) {
        return URI.create(uri + pathAndQuery);
    }

    /** Whether this is a local address (a simulator) rather than a Netskope tenant. */
    public boolean isLoopback() {
        return LOOPBACK.contains(host());
    }

    /** The tenant's host, e.g. {@code acme.eu.goskope.com}. */
    public String host() {
        return uri.getHost();
    }

    @Override
    public String toString() {
        return uri.toString();
    }

    private static void requireNoExtras(URI uri, String text) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!path.isEmpty() && !path.equals("/") || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidTenantUrlException("Remove the path from '" + text + "'; the tenant URL is only "
                    + uri.getScheme() + "://" + uri.getRawAuthority());
        }
    }

    /** {@code acme} → {@code acme.goskope.com}, {@code acme.eu} → {@code acme.eu.goskope.com}. */
    private static String host(String name, String original) {
        String host = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        if (host.contains("/") || host.contains(":") || host.contains("@")) {
            throw new InvalidTenantUrlException("'" + original + "' is not a tenant name or URL; expected e.g. "
                    + "https://acme.goskope.com, acme.eu.goskope.com or acme.eu");
        }
        String prefix = host.endsWith("." + DOMAIN) ? host.substring(0, host.length() - DOMAIN.length() - 1) : host;
        if (prefix.contains(".goskope") || host.equals(DOMAIN)) {
            throw new InvalidTenantUrlException("'" + original + "' does not name a tenant; expected e.g. https://acme.goskope.com");
        }
        String[] labels = prefix.split("\\.", -1);
        if (labels.length > 2) {
            throw new InvalidTenantUrlException("'" + original + "' is not a Netskope tenant: the host must be "
                    + "<tenant>." + DOMAIN + " or <tenant>.<region>." + DOMAIN);
        }
        if (labels.length == 2 && !REGION.matcher(labels[1]).matches()) {
            throw new InvalidTenantUrlException("'" + original + "' is not a Netskope tenant: expected "
                    + "<tenant>." + DOMAIN + " or a short name such as acme or acme.eu");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw new InvalidTenantUrlException("'" + original + "' is not a valid tenant name: use letters, "
                        + "digits and dashes, e.g. acme or acme.eu");
            }
        }
        return prefix + "." + DOMAIN;
    }
}
