package io.cloudexchange.plugins.elasticsearch;

import io.cloudexchange.plugin.api.cls.Chunks;
import io.cloudexchange.plugin.api.json.Json;
import io.cloudexchange.plugin.api.cls.LogFormat;
import io.cloudexchange.plugin.api.cls.MappedLog;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** The NDJSON of a _bulk request: one create action line and one source line per record. */
final class BulkDocuments {

    private BulkDocuments() {
    }

    /**
     * The document to index: a JSON record as it is (with {@code @timestamp} added when asked and
     * missing), a CEF or LEEF line as {@code {"@timestamp":..., "message": line}}.
     */
    static String document(MappedLog log, Instant timestamp) {
        if (log.format() != LogFormat.JSON) {
            return "{" + (timestamp == null ? "" : "\"@timestamp\":" + Json.quote(timestamp.toString()) + ",")
                    + "\"message\":" + Json.quote(log.payload()) + "}";
        }
        // raw line breaks can only be insignificant white space in valid JSON; NDJSON needs one line
        String json = log.payload().strip().replace('\n', ' ').replace('\r', ' ');
        if (!(Json.parse(json) instanceof java.util.Map<?, ?> fields)) {
            throw new IllegalArgumentException("a JSON " + (json.startsWith("[") ? "array" : "value"));
        }
        if (timestamp == null || fields.containsKey("@timestamp")) {
            return json;
        }
        String rest = json.substring(1).strip();
        return "{\"@timestamp\":" + Json.quote(timestamp.toString()) + (rest.equals("}") ? "" : ",") + rest;
    }

    static byte[] actionAndSource(String index, String id, String document) {
        String action = "{\"create\":{\"_index\":" + Json.quote(index) + ",\"_id\":" + Json.quote(id) + "}}\n";
        return (action + document + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] body(List<Chunks.Encoded> chunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(chunk.stream().mapToInt(e -> e.bytes().length).sum());
        chunk.forEach(item -> out.writeBytes(item.bytes()));
        return out.toByteArray();
    }
}
