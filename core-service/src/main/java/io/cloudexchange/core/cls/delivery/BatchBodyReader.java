package io.cloudexchange.core.cls.delivery;

import io.cloudexchange.core.cls.delivery.QueuedBatch.UnreadableBatchException;
import io.cloudexchange.core.messaging.BatchMessage;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@link BatchMessage}'s JSON with a streaming parser: the fields before {@code items} make the header
 * (a batch is written with its items last), then the items one
 * record at a time. Returns null when the header is incomplete at {@code items}; the caller then decodes the
 * whole body.
 */
final class BatchBodyReader {

    private static final Logger log = LoggerFactory.getLogger(BatchBodyReader.class);
    private static final TypeReference<Map<String, Object>> RECORD = new TypeReference<>() { };
    private static final String ITEMS = "items";

    private final JsonMapper json;
    private final ObjectReader value;
    private final ObjectReader record;

    BatchBodyReader(JsonMapper json) {
        this.json = json;
        this.value = json.readerFor(Object.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.record = json.readerFor(RECORD).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    QueuedBatch read(String mappingId, byte[] body) {
        JsonParser parser = json.createParser(body);
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            parser.close();
            throw new IllegalArgumentException("a batch must be a JSON object");
        }
        Map<String, Object> header = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            if (ITEMS.equals(name) && token == JsonToken.START_ARRAY) {
                if (!header.containsKey("batchId") || !header.containsKey("module") || !header.containsKey("kind")) {
                    parser.close();
                    return null;
                }
                BatchMessage batch = json.convertValue(header, BatchMessage.class);
                return new QueuedBatch(mappingId, batch, new Records(parser, record, batch.batchId()));
            }
            header.put(name, value.readValue(parser));
        }
        parser.close();
        // no items at all: an empty batch
        return new QueuedBatch(mappingId, json.convertValue(header, BatchMessage.class), java.util.Collections.emptyIterator());
    }

    /** The items of the array the parser stands at, one map each; items that are not objects are left out. */
    private static final class Records implements Iterator<Map<String, Object>> {

        private final JsonParser parser;
        private final ObjectReader reader;
        private final String batchId;
        private boolean ahead;
        private boolean done;
        private int skipped;

        Records(JsonParser parser, ObjectReader reader, String batchId) {
            this.parser = parser;
            this.reader = reader;
            this.batchId = batchId;
        }

        @Override
        public boolean hasNext() {
            if (ahead) {
                return true;
            }
            if (done) {
                return false;
            }
            try {
                JsonToken token = parser.nextToken();
                while (token != null && token != JsonToken.END_ARRAY && token != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    skipped++;
                    token = parser.nextToken();
                }
                if (token == JsonToken.START_OBJECT) {
                    ahead = true;
                    return true;
                }
                finish();
                return false;
            } catch (JacksonException e) {
                parser.close();
                done = true;
                throw new UnreadableBatchException("batch " + batchId + " is not readable JSON: "
                        + e.getOriginalMessage(), e);
            }
        }

        @Override
        public Map<String, Object> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ahead = false;
            try {
                return reader.readValue(parser);
            } catch (JacksonException e) {
                parser.close();
                done = true;
                throw new UnreadableBatchException("batch " + batchId + " is not readable JSON: "
                        + e.getOriginalMessage(), e);
            }
        }

        private void finish() {
            done = true;
            parser.close();
            if (skipped > 0) {
                log.warn("Batch {}: {} items that are not JSON objects were left out", batchId, skipped);
            }
        }
    }
}
