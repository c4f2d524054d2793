package io.cloudexchange.plugins.misp;

import io.cloudexchange.plugin.api.json.Json;
import io.cloudexchange.plugin.api.RejectedItem;
import io.cloudexchange.plugin.api.cte.Indicator;
import io.cloudexchange.plugin.api.cte.IndicatorType;
import io.cloudexchange.plugin.api.cte.Severity;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * MISP attribute types and their indicator types. Composite types ({@code filename|md5},
 * {@code ip-dst|port}, {@code domain|ip}) give the part that is an indicator ({@code domain|ip}: both).
 */
final class MispAttributes {

    /** The types asked for; the search filters on them so no other attribute travels. */
    static final List<String> TYPES = List.of("url", "uri", "link", "domain", "hostname", "ip-src", "ip-dst",
            "ip-src|port", "ip-dst|port", "domain|ip", "md5", "sha256", "filename|md5", "filename|sha256",
            "malware-sample");

    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
    private static final Pattern MD5 = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    final List<Indicator> indicators = new ArrayList<>();
    final List<RejectedItem> rejected = new ArrayList<>();
    private final String baseUrl;

    MispAttributes(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    void add(Object json) {
        Map<String, Object> attribute = Json.object(json);
        String type = String.valueOf(attribute.get("type"));
        String value = String.valueOf(attribute.get("value"));
        String id = "attribute " + attribute.get("id") + " (" + type + ")";
        String[] parts = value.split("\\|", 2);
        String second = parts.length > 1 ? parts[1] : "";
        switch (type) {
            case "url", "uri", "link" -> add(attribute, IndicatorType.URL, value, id);
            case "domain" -> add(attribute, IndicatorType.DOMAIN, value.toLowerCase(Locale.ROOT), id);
            case "hostname" -> add(attribute, IndicatorType.HOSTNAME, value.toLowerCase(Locale.ROOT), id);
            case "ip-src", "ip-dst" -> ip(attribute, value, id);
            case "ip-src|port", "ip-dst|port" -> ip(attribute, parts[0], id);
            case "domain|ip" -> {
                add(attribute, IndicatorType.DOMAIN, parts[0].toLowerCase(Locale.ROOT), id);
                ip(attribute, second, id);
            }
            case "md5" -> hash(attribute, value, MD5, IndicatorType.MD5, id);
            case "sha256" -> hash(attribute, value, SHA256, IndicatorType.SHA256, id);
            case "filename|md5", "malware-sample" -> hash(attribute, second, MD5, IndicatorType.MD5, id);
            case "filename|sha256" -> hash(attribute, second, SHA256, IndicatorType.SHA256, id);
            default -> rejected.add(new RejectedItem(id, "attribute type " + type + " is not an indicator type"));
        }
    }

    private void ip(Map<String, Object> attribute, String value, String id) {
        if (IPV4.matcher(value).matches()) {
            add(attribute, IndicatorType.IPV4, value, id);
        } else if (IPV6.matcher(value).matches() && value.indexOf(':') != value.lastIndexOf(':')) {
            add(attribute, IndicatorType.IPV6, value.toLowerCase(Locale.ROOT), id);
        } else {
            rejected.add(new RejectedItem(id + " " + value, value.contains("/") ? "address ranges (CIDR) are not"
                    + " supported" : "not an IP address"));
        }
    }

    private void hash(Map<String, Object> attribute, String value, Pattern shape, IndicatorType type, String id) {
        if (shape.matcher(value).matches()) {
            add(attribute, type, value.toLowerCase(Locale.ROOT), id);
        } else {
            rejected.add(new RejectedItem(id + " " + value, "not a valid " + type + " hash"));
        }
    }

    private void add(Map<String, Object> attribute, IndicatorType type, String value, String id) {
        if (value.isBlank()) {
            rejected.add(new RejectedItem(id, "empty value"));
            return;
        }
        Instant modified = epoch(attribute.get("timestamp"));
        Instant first = time(attribute.get("first_seen"));
        Instant last = time(attribute.get("last_seen"));
        List<String> tags = Json.array(attribute.get("Tag")).stream()
                .map(tag -> Json.text(Json.object(tag).get("name"))).filter(name -> name != null).distinct().toList();
        Map<String, Object> event = Json.object(attribute.get("Event"));
        String comment = String.join(": ", java.util.stream.Stream.of(Json.text(event.get("info")),
                Json.text(attribute.get("comment"))).filter(t -> t != null && !t.isBlank()).toList());
        Object eventId = attribute.get("event_id");
        indicators.add(new Indicator(value, type, Severity.UNKNOWN, 5, tags, first != null ? first : modified,
                last != null ? last : modified, null, comment,
                eventId == null ? null : baseUrl + "/events/view/" + eventId));
    }

    private static Instant epoch(Object value) {
        String text = value == null ? "" : value.toString();
        return text.matches("\\d{1,12}") ? Instant.ofEpochSecond(Long.parseLong(text)) : null;
    }

    private static Instant time(Object value) {
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
