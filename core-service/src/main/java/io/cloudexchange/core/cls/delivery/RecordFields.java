package io.cloudexchange.core.cls.delivery;

import io.cloudexchange.plugin.api.cls.LogStream;
import io.cloudexchange.plugin.api.log.LogType;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a pulled log record as the pull side queues it: a {@code LogRecord} converted to JSON, i.e. its
 * header fields ({@code id}, {@code alertType} or {@code eventType}, ...) and every source field under {@code raw}.
 */
final class RecordFields {

    private RecordFields() {
    }

    static String id(Map<String, Object> record) {
        Object id = record.get("id");
        return id == null ? "" : String.valueOf(id);
    }

    /** The fields business rules and mapping files see: the record as the source sent it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> fields(Map<String, Object> record) {
        return record.get("raw") instanceof Map<?, ?> raw && !raw.isEmpty() ? (Map<String, Object>) raw : record;
    }

    /** From the stream key ({@code alert:dlp}), else from the record's own subtype field. */
    static LogType type(String stream, Map<String, Object> record) {
        if (stream != null && stream.startsWith("event:")) {
            return LogType.EVENT;
        }
        if (stream != null && stream.startsWith("alert:")) {
            return LogType.ALERT;
        }
        return record.containsKey("eventType") ? LogType.EVENT : LogType.ALERT;
    }

    static String subtype(String stream, Map<String, Object> record) {
        int colon = stream == null ? -1 : stream.indexOf(':');
        if (colon >= 0) {
            return stream.substring(colon + 1);
        }
        Object subtype = record.getOrDefault("alertType", record.get("eventType"));
        return subtype == null ? "" : String.valueOf(subtype).toLowerCase(Locale.ROOT);
    }

    /** The stream of each record of one batch: worked out once when the batch's stream key says it. */
    static final class Streams {
        private final String batchStream;
        private final LogStream fromKey;

        Streams(String batchStream) {
            this.batchStream = batchStream;
            boolean keyed = batchStream != null && (batchStream.startsWith("event:") || batchStream.startsWith("alert:"));
            this.fromKey = keyed ? new LogStream(type(batchStream, Map.of()), subtype(batchStream, Map.of())) : null;
        }

        LogStream of(Map<String, Object> record) {
            return fromKey != null ? fromKey : new LogStream(type(batchStream, record), subtype(batchStream, record));
        }
    }
}
