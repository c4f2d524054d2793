package io.cloudexchange.core.cte;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.bson.BsonBinaryWriter;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.Codec;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** The plain codec against the driver's own, byte for byte, on random documents of plain and other values. */
class PlainDocumentCodecTest {

    private static final CodecRegistry DRIVER =
            CodecRegistries.withUuidRepresentation(MongoClientSettings.getDefaultCodecRegistry(), UuidRepresentation.STANDARD);

    private final Random random = new Random(3);
    private final Codec<Document> plain = PlainDocumentCodec.over(DRIVER).get(Document.class);

    @Test
    void writesWhatTheDriversCodecWrites() {
        for (int i = 0; i < 3_000; i++) {
            Document document = document(0);
            EncoderContext context = EncoderContext.builder().isEncodingCollectibleDocument(i % 10 == 0).build();

            assertThat(bytes(plain, document, context)).as("document %d: %s", i, document)
                    .isEqualTo(bytes(DRIVER.get(Document.class), document, context));
        }
    }

    @Test
    void readsDocumentsAsTheDriversCodecDoes() {
        Document document = new Document("_id", "URL:x").append("tags", List.of("a", "b")).append("n", 1L);
        byte[] bson = bytes(DRIVER.get(Document.class), document, EncoderContext.builder().build());

        Document read = plain.decode(new org.bson.BsonBinaryReader(java.nio.ByteBuffer.wrap(bson)),
                org.bson.codecs.DecoderContext.builder().build());

        assertThat(read).isEqualTo(document);
    }

    private static byte[] bytes(Codec<Document> codec, Document document, EncoderContext context) {
        BasicOutputBuffer buffer = new BasicOutputBuffer();
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            codec.encode(writer, document, context);
        }
        return buffer.toByteArray();
    }

    private Document document(int depth) {
        Document document = new Document();
        if (random.nextInt(4) == 0) {
            document.put("_id", random.nextBoolean() ? "URL:https://x/" + random.nextInt(9) : new ObjectId());
        }
        for (int i = random.nextInt(8); i > 0; i--) {
            document.put("sources.feed-" + random.nextInt(4) + ".f" + random.nextInt(30), value(depth));
        }
        return document;
    }

    private Object value(int depth) {
        return switch (random.nextInt(depth < 3 ? 18 : 15)) {
            case 0 -> null;
            case 1 -> "text " + random.nextInt(100) + (random.nextBoolean() ? " ünïcode ✓" : "");
            case 2 -> random.nextInt();
            case 3 -> random.nextLong();
            case 4 -> random.nextDouble();
            case 5 -> random.nextBoolean();
            case 6 -> new Date(1_700_000_000_000L + random.nextInt(1_000_000));
            case 7 -> Instant.ofEpochMilli(1_700_000_000_000L + random.nextInt(1_000_000));
            case 8 -> new ObjectId();
            case 9 -> new Decimal128(new BigDecimal("12.5"));
            case 10 -> UUID.randomUUID();
            case 11 -> new BsonString("bson value");
            case 12 -> Arrays.asList("phishing", null, 3);
            case 13 -> new java.sql.Timestamp(1_700_000_000_000L);
            case 14 -> Map.of("k", "v");
            case 15 -> document(depth + 1);
            case 16 -> new LinkedHashMap<>(Map.of("nested", document(depth + 1)));
            default -> {
                List<Object> values = new ArrayList<>();
                for (int i = random.nextInt(4); i >= 0; i--) {
                    values.add(random.nextBoolean() ? document(depth + 1) : value(depth + 1));
                }
                yield values;
            }
        };
    }
}
