package io.cloudexchange.core.cte;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.BsonReader;
import org.bson.BsonValue;
import org.bson.BsonWriter;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;

/**
 * Writes a {@link Document} as the driver's own codec does, but its plain values (strings, numbers, booleans, dates,
 * nested documents and lists) straight to the writer: the driver looks up a codec in its registry for every value,
 * which was a third of the time spent encoding a batch of indicator upserts. Any other value is written by the
 * registry's codec for it, and documents are read by the registry's codec.
 */
final class PlainDocumentCodec implements Codec<Document> {

    private final CodecRegistry registry;
    private final Codec<Document> reader;

    private PlainDocumentCodec(CodecRegistry registry) {
        this.registry = registry;
        this.reader = registry.get(Document.class);
    }

    /** The registry with this codec for documents, and the given one for the rest. */
    static CodecRegistry over(CodecRegistry registry) {
        return CodecRegistries.fromRegistries(CodecRegistries.fromCodecs(new PlainDocumentCodec(registry)), registry);
    }

    @Override
    public void encode(BsonWriter writer, Document document, EncoderContext context) {
        if (context.isEncodingCollectibleDocument()) {
            // The driver's codec writes _id first, or generates one, for a document to be stored: not plain.
            registry.get(Document.class).encode(writer, document, context);
            return;
        }
        writeDocument(writer, document, context);
    }

    private void writeDocument(BsonWriter writer, Map<String, Object> document, EncoderContext context) {
        writer.writeStartDocument();
        for (Map.Entry<String, Object> field : document.entrySet()) {
            writer.writeName(field.getKey());
            writeValue(writer, field.getValue(), context);
        }
        writer.writeEndDocument();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void writeValue(BsonWriter writer, Object value, EncoderContext context) {
        if (value == null) {
            writer.writeNull();
        } else if (value instanceof String text) {
            writer.writeString(text);
        } else if (value instanceof Integer number) {
            writer.writeInt32(number);
        } else if (value instanceof Long number) {
            writer.writeInt64(number);
        } else if (value instanceof Double number) {
            writer.writeDouble(number);
        } else if (value instanceof Boolean flag) {
            writer.writeBoolean(flag);
        } else if (value.getClass() == Date.class) {
            writer.writeDateTime(((Date) value).getTime());
        } else if (value instanceof Instant instant) {
            writer.writeDateTime(instant.toEpochMilli());
        } else if (value.getClass() == Document.class) {
            writeDocument(writer, (Document) value, context);
        } else if (value instanceof List<?> values && !(value instanceof BsonValue)) {
            writer.writeStartArray();
            for (Object element : values) {
                writeValue(writer, element, context);
            }
            writer.writeEndArray();
        } else {
            Codec codec = registry.get(value.getClass());
            context.encodeWithChildContext(codec, writer, value);
        }
    }

    @Override
    public Document decode(BsonReader bsonReader, DecoderContext context) {
        return reader.decode(bsonReader, context);
    }

    @Override
    public Class<Document> getEncoderClass() {
        return Document.class;
    }
}
