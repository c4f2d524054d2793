package io.cloudexchange.plugin.api.log;

import io.cloudexchange.plugin.api.json.JsonObjectText;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An alert (e.g. a Netskope DLP or malware alert). 64-bit ids stay strings.
 *
 * @param id the source's id
 * @param alertName name of the policy or detection
 * @param alertType subtype (dlp, malware, policy, ...)
 * @param app application involved, or null
 * @param appCategory application category, or null
 * @param user user involved, or null
 * @param timestamp when it happened
 * @param raw every field as the source sent it (copied, unless it is a {@link JsonObjectText}, which cannot change)
 */
public record Alert(String id, String alertName, String alertType, String app, String appCategory, String user,
                    Instant timestamp, Map<String, Object> raw) implements LogRecord {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(alertType, "alertType");
        Objects.requireNonNull(timestamp, "timestamp");
        raw = raw == null ? Map.of() : raw instanceof JsonObjectText text ? text
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(raw));
    }

    @Override
    public LogType logType() {
        return LogType.ALERT;
    }

    @Override
    public String subtype() {
        return alertType;
    }
}
