package io.cloudexchange.plugins.netskope.dataexport;

import io.cloudexchange.plugin.api.RejectedItem;
import io.cloudexchange.plugin.api.json.JsonObjectText;
import io.cloudexchange.plugin.api.log.Alert;
import io.cloudexchange.plugin.api.log.Event;
import io.cloudexchange.plugin.api.log.LogRecord;
import io.cloudexchange.plugins.netskope.json.CapturedRecord;
import io.cloudexchange.plugins.netskope.json.JsonReader;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns exported records into {@link Alert}s and {@link Event}s; ids always become strings. A record read with
 * its text keeps only the text ({@link JsonObjectText}), which the platform writes on as it is.
 */
final class RecordMapper {

    /** Fields that hold ids: kept as strings even when small, so a field never changes type. */
    static final Set<String> ID_FIELDS = Collections.unmodifiableSet(new HashSet<>(List.of("_id", "incident_id",
            "dlp_incident_id", "transaction_id", "request_id", "connection_id", "app_session_id", "browser_session_id",
            "network_session_id", "parent_id", "breach_id", "malsite_id", "policy_id", "object_id")));

    /** The fields an {@link Alert} or {@link Event} takes from the record besides its text. */
    static final Set<String> HEADER_FIELDS = Set.of("_id", "timestamp", "user", "alert_name", "app", "appcategory");

    private RecordMapper() {
    }

    /** The record, or the reason it cannot be one. */
    sealed interface Mapped permits Ok, Rejected {
    }

    record Ok(LogRecord record) implements Mapped {
    }

    record Rejected(RejectedItem item) implements Mapped {
    }

    static Mapped map(DataExportType type, Map<String, Object> read) {
        CapturedRecord captured = read instanceof CapturedRecord c ? c : null;
        // a record whose text cannot be kept is read whole, for its map
        Map<String, Object> raw = captured != null && !captured.exact() ? parse(captured.json()) : read;
        if (captured == null || !captured.exact()) {
            idsAsText(raw);
        }
        String id = raw.get("_id") instanceof String s && !s.isBlank() ? s : null;
        Instant timestamp = timestamp(raw.get("timestamp"));
        if (id == null || timestamp == null) {
            String value = String.valueOf(id != null ? id : raw.get("timestamp"));
            return new Rejected(new RejectedItem(value, id == null ? "no _id" : "no valid timestamp"));
        }
        Map<String, Object> fields = captured != null && captured.exact()
                ? JsonObjectText.of(captured.json(), RecordMapper::parse) : raw;
        LogRecord record = switch (type.family()) {
            case ALERT -> new Alert(id, text(raw, "alert_name"), type.name(), text(raw, "app"),
                    text(raw, "appcategory"), text(raw, "user"), timestamp, fields);
            case EVENT -> new Event(id, type.name(), text(raw, "user"), timestamp, fields);
        };
        return new Ok(record);
    }

    /** Id fields hold strings, whatever their size (the export reader does so for a record it keeps the text of). */
    private static void idsAsText(Map<String, Object> raw) {
        for (Map.Entry<String, Object> field : raw.entrySet()) {
            Object value = field.getValue();
            if ((value instanceof Long || value instanceof Double) && ID_FIELDS.contains(field.getKey())) {
                field.setValue(value instanceof Double d ? Long.toString(d.longValue()) : value.toString());
            }
        }
    }

    /** A record's text as the export read it (ids as strings), when the platform reads its fields. */
    private static Map<String, Object> parse(byte[] json) {
        return JsonReader.parseRecord(json, ID_FIELDS);
    }

    private static Instant timestamp(Object value) {
        if (value instanceof Long seconds) {
            return Instant.ofEpochSecond(seconds);
        }
        if (value instanceof Double seconds) {
            return Instant.ofEpochMilli((long) (seconds * 1000));
        }
        if (value instanceof String text && text.matches("\\d{1,12}")) {
            return Instant.ofEpochSecond(Long.parseLong(text));
        }
        return null;
    }

    private static String text(Map<String, Object> raw, String field) {
        Object value = raw.get(field);
        return value == null ? null : value instanceof List<?> || value instanceof Map<?, ?> ? null : value.toString();
    }
}
