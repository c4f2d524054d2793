package io.cloudexchange.plugins.crowdstrike;

import io.cloudexchange.plugin.api.json.Json;
import io.cloudexchange.plugin.api.RejectedItem;
import io.cloudexchange.plugin.api.cte.Indicator;
import io.cloudexchange.plugin.api.cte.IndicatorType;
import io.cloudexchange.plugin.api.cte.Severity;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Falcon custom IOC types ({@code md5}, {@code sha256}, {@code domain}, {@code ipv4}, {@code ipv6}) and
 * indicators. Falcon has no URL type: a URL is shared as its host (the path is dropped), as a domain or
 * an IP address.
 */
final class FalconIocs {

    /** A value as Falcon stores it. */
    record Ioc(String type, String value) {
        boolean isHash() {
            return type.equals("md5") || type.equals("sha256");
        }
    }

    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern DOMAIN = Pattern.compile("([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?\\.)+[a-z][a-z0-9-]{0,62}");

    private FalconIocs() {
    }

    /** The IOC for an indicator, or the reason there is none. */
    static Object toIoc(Indicator indicator) {
        String value = indicator.value().strip();
        return switch (indicator.type()) {
            case MD5 -> value.matches("[0-9a-fA-F]{32}") ? new Ioc("md5", value.toLowerCase(Locale.ROOT))
                    : new RejectedItem(value, "not an MD5 hash");
            case SHA256 -> value.matches("[0-9a-fA-F]{64}") ? new Ioc("sha256", value.toLowerCase(Locale.ROOT))
                    : new RejectedItem(value, "not a SHA256 hash");
            case IPV4 -> IPV4.matcher(value).matches() ? new Ioc("ipv4", value) : new RejectedItem(value, "not an IPv4 address");
            case IPV6 -> value.contains(":") && !value.contains("/") ? new Ioc("ipv6", value.toLowerCase(Locale.ROOT))
                    : new RejectedItem(value, "not an IPv6 address");
            case DOMAIN, HOSTNAME, FQDN -> host(value).<Object>map(h -> h)
                    .orElseGet(() -> new RejectedItem(value, "not a domain name"));
            case URL -> host(hostOf(value)).<Object>map(h -> h)
                    .orElseGet(() -> new RejectedItem(value, "a URL without a host Falcon can hold"));
        };
    }

    private static Optional<Ioc> host(String host) {
        if (host == null) {
            return Optional.empty();
        }
        String lower = host.toLowerCase(Locale.ROOT).replaceFirst("\\.$", "");
        if (IPV4.matcher(lower).matches()) {
            return Optional.of(new Ioc("ipv4", lower));
        }
        if (lower.startsWith("[") && lower.endsWith("]")) {
            return Optional.of(new Ioc("ipv6", lower.substring(1, lower.length() - 1)));
        }
        return DOMAIN.matcher(lower).matches() ? Optional.of(new Ioc("domain", lower)) : Optional.empty();
    }

    private static String hostOf(String url) {
        try {
            return URI.create(url.contains("://") ? url : "http://" + url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** An indicator from a Falcon IOC resource, or the reason there is none. */
    static Object toIndicator(Map<String, Object> ioc) {
        String type = String.valueOf(ioc.get("type"));
        String value = Json.text(ioc.get("value"));
        IndicatorType indicatorType = switch (type) {
            case "md5" -> IndicatorType.MD5;
            case "sha256" -> IndicatorType.SHA256;
            case "domain" -> IndicatorType.DOMAIN;
            case "ipv4" -> IndicatorType.IPV4;
            case "ipv6" -> IndicatorType.IPV6;
            default -> null;
        };
        if (indicatorType == null || value == null || value.isBlank()) {
            return new RejectedItem(ioc.get("id") + " " + value, "IOC type " + type + " is not supported");
        }
        List<String> tags = Json.array(ioc.get("tags")).stream().map(String::valueOf).toList();
        return new Indicator(value, indicatorType, severity(ioc.get("severity")), 5, tags, time(ioc.get("created_on")),
                time(ioc.get("modified_on")), time(ioc.get("expiration")),
                Json.text(ioc.get("description")) == null ? "" : Json.text(ioc.get("description")), null);
    }

    private static Severity severity(Object value) {
        return switch (String.valueOf(value).toLowerCase(Locale.ROOT)) {
            case "informational", "low" -> Severity.LOW;
            case "medium" -> Severity.MEDIUM;
            case "high" -> Severity.HIGH;
            case "critical" -> Severity.CRITICAL;
            default -> Severity.UNKNOWN;
        };
    }

    static Instant time(Object value) {
        if (!(value instanceof String text) || text.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
