package io.cloudexchange.core.messaging;

import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * The items of a pulled page kept as the objects the plugin returned: a batch's JSON is written from them
 * directly (the same JSON as from their map form), and each is converted to a map only if read in this process.
 * Saves turning every record into a map and then writing that map out again.
 */
@JsonSerialize(using = PulledItems.Writer.class)
public final class PulledItems extends AbstractList<Map<String, Object>> implements RandomAccess {

    private static final TypeReference<Map<String, Object>> ITEM = new TypeReference<>() { };

    private final List<?> originals;
    private final JsonMapper json;
    private final Object[] converted;

    private PulledItems(List<?> originals, JsonMapper json) {
        this.originals = new java.util.ArrayList<>(originals);
        this.json = json;
        this.converted = new Object[this.originals.size()];
    }

    /** @param items what a plugin returned, each written to JSON as an object */
    public static List<Map<String, Object>> of(List<?> items, JsonMapper json) {
        return new PulledItems(items, json);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized Map<String, Object> get(int index) {
        if (converted[index] == null) {
            converted[index] = json.convertValue(originals.get(index), ITEM);
        }
        return (Map<String, Object>) converted[index];
    }

    @Override
    public int size() {
        return originals.size();
    }

    /** Writes the original objects as a JSON array. */
    static final class Writer extends StdSerializer<PulledItems> {

        Writer() {
            super(PulledItems.class);
        }

        @Override
        public void serialize(PulledItems items, JsonGenerator generator, SerializationContext context) {
            generator.writeStartArray(items, items.size());
            for (Object item : items.originals) {
                context.writeValue(generator, item);
            }
            generator.writeEndArray();
        }
    }
}
