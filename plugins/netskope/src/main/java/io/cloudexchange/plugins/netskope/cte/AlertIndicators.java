package io.cloudexchange.plugins.netskope.cte;

import io.cloudexchange.plugin.api.RejectedItem;
import io.cloudexchange.plugin.api.cte.Indicator;
import io.cloudexchange.plugin.api.cte.IndicatorType;
import io.cloudexchange.plugin.api.cte.Severity;
import io.cloudexchange.plugin.api.log.LogRecord;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Indicators found in malware alerts (file hashes: {@code md5}/{@code local_md5}, {@code sha256}/{@code local_sha256})
 * and malsite alerts ({@code url}, or {@code hostname} when there is no URL), de-duplicated per page.
 */
public final class AlertIndicators {

    private static final Pattern MD5 = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final Map<String, Indicator> indicators = new LinkedHashMap<>();
    private final List<RejectedItem> rejected = new ArrayList<>();
    private Instant seen;

    /** Adds the indicators of one alert, or reports it when it holds none. */
    public void add(LogRecord alert) {
        Map<String, Object> raw = alert.raw();
        seen = alert.timestamp();
        boolean found;
        if ("malware".equals(alert.subtype())) {
            found = hash(raw, "md5", MD5, IndicatorType.MD5) | hash(raw, "local_md5", MD5, IndicatorType.MD5)
                    | hash(raw, "sha256", SHA256, IndicatorType.SHA256)
                    | hash(raw, "local_sha256", SHA256, IndicatorType.SHA256);
        } else {
            found = url(raw);
        }
        if (!found) {
            rejected.add(new RejectedItem(alert.id(), alert.subtype() + " alert without a usable "
                    + ("malware".equals(alert.subtype()) ? "md5 or sha256" : "url or hostname")));
        }
    }

    public List<Indicator> indicators() {
        return List.copyOf(indicators.values());
    }

    public List<RejectedItem> rejected() {
        return List.copyOf(rejected);
    }

    private boolean hash(Map<String, Object> raw, String field, Pattern shape, IndicatorType type) {
        String value = text(raw, field);
        if (value == null || !shape.matcher(value).matches()) {
            return false;
        }
        String comments = join(text(raw, "malware_name"), text(raw, "malware_type"), text(raw, "file_name"));
        put(type, value.toLowerCase(Locale.ROOT), raw, comments, "netskope-malware");
        return true;
    }

    private boolean url(Map<String, Object> raw) {
        String url = text(raw, "url");
        String comments = join(text(raw, "malsite_category"), text(raw, "alert_name"));
        if (url != null) {
            String host = host(url);
            IndicatorType type = host != null && IPV4.matcher(host).matches() && isBare(url, host)
                    ? IndicatorType.IPV4 : IndicatorType.URL;
            put(type, type == IndicatorType.IPV4 ? host : url, raw, comments, "netskope-malsite");
            return true;
        }
        String hostname = text(raw, "hostname");
        if (hostname != null) {
            put(IPV4.matcher(hostname).matches() ? IndicatorType.IPV4 : IndicatorType.HOSTNAME,
                    hostname.toLowerCase(Locale.ROOT), raw, comments, "netskope-malsite");
            return true;
        }
        return false;
    }

    private void put(IndicatorType type, String value, Map<String, Object> raw, String comments, String tag) {
        Indicator indicator = new Indicator(value, type, severity(text(raw, "severity")), 5, List.of(tag), seen, seen,
                null, comments, null);
        indicators.merge(type + ":" + value, indicator, (old, fresh) -> old.withSeen(
                earliest(old.firstSeen(), fresh.firstSeen()), latest(old.lastSeen(), fresh.lastSeen())));
    }

    private static boolean isBare(String url, String host) {
        String rest = url.substring(url.indexOf(host) + host.length());
        return rest.isEmpty() || rest.equals("/");
    }

    private static String host(String url) {
        try {
            return URI.create(url.contains("://") ? url : "http://" + url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Severity severity(String value) {
        if (value == null) {
            return Severity.UNKNOWN;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "low" -> Severity.LOW;
            case "medium" -> Severity.MEDIUM;
            case "high" -> Severity.HIGH;
            case "critical" -> Severity.CRITICAL;
            default -> Severity.UNKNOWN;
        };
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static String text(Map<String, Object> raw, String field) {
        Object value = raw.get(field);
        return value instanceof String s && !s.isBlank() ? s.trim() : null;
    }

    private static String join(String... parts) {
        return String.join(" / ", java.util.Arrays.stream(parts).filter(p -> p != null).toList());
    }
}
