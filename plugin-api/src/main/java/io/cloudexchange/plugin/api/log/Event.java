package io.cloudexchange.plugin.api.log;

import io.cloudexchange.plugin.api.json.JsonObjectText;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An event (e.g. a Netskope page or application event).
 *
 * @param id the source's id
 * @param eventType subtype (page, application, audit, ...)
 * @param user user involved, or null
 * @param timestamp when it happened
 * @param raw every field as the source sent it (copied, unless it is a {@link JsonObjectText}, which cannot change)
 */
public record Event(String id, String eventType, String user, Instant timestamp, Map<String, Object> raw)
        implements LogRecord {

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(timestamp, "timestamp");
        raw = raw == null ? Map.of() : raw instanceof JsonObjectText text ? text
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(raw));
    }

    @Override
    public LogType logType() {
        return LogType.EVENT;
    }

    @Override
    public String subtype() {
        return eventType;
    }
}
