package io.cloudexchange.core.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The store's BSON reader against the server's decoder, on random documents of every type the server decodes. */
class StoredBsonReaderTest {

    private final Random random = new Random(11);
    private final StoredBsonReader reader = new StoredBsonReader();

    @Test
    void readsWhatTheServersDecoderReadsFieldOrderAndTypesIncluded() {
        for (int i = 0; i < 2000; i++) {
            Document original = document(0);
            ByteBuf bson = encode(original);
            Document expected = BsonDecoder.decodeBson(bson.duplicate());
            Document actual = reader.read(bson);
            // Some values (regular expressions) have no equals: both decoded documents, encoded again, must be the same
            // bytes, which also compares field order and types.
            assertThat(ByteBufUtil.getBytes(encode(actual))).as("document %d: %s", i, expected)
                    .isEqualTo(ByteBufUtil.getBytes(encode(expected)));
            assertThat(actual.toString()).isEqualTo(expected.toString());
            assertThat(bson.readableBytes()).as("the whole document was read").isZero();
        }
    }

    @Test
    void aDocumentWhoseLengthDisagreesWithItsContentIsRefused() {
        ByteBuf bson = encode(new Document("a", 1).append("b", "two"));
        bson.setIntLE(0, bson.getIntLE(0) + 3);

        assertThatThrownBy(() -> reader.read(bson)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed BSON");
    }

    private static ByteBuf encode(Document document) {
        ByteBuf bson = Unpooled.buffer();
        BsonEncoder.encodeDocument(document, bson);
        return bson;
    }

    private Document document(int depth) {
        Document document = new Document();
        int fields = random.nextInt(8);
        for (int i = 0; i < fields; i++) {
            document.put(name(), value(depth));
        }
        return document;
    }

    private String name() {
        return switch (random.nextInt(7)) {
            case 0 -> "sources";
            case 6 -> String.format("k%05d", random.nextInt(20_000)); // more names of one length than the cache holds
            case 1 -> "sourcé-" + random.nextInt(3);
            case 2 -> "f" + random.nextInt(40);
            case 3 -> "lastSeen";
            case 4 -> "";
            default -> "a.b".replace(".", "_") + random.nextInt(5);
        };
    }

    private Object value(int depth) {
        int kind = random.nextInt(depth < 3 ? 19 : 17);
        return switch (kind) {
            case 0 -> random.nextDouble();
            case 1 -> "value " + random.nextInt(100) + (random.nextBoolean() ? " ünïcode ✓" : "");
            case 2 -> null;
            case 3 -> new ObjectId();
            case 4 -> random.nextBoolean();
            case 5 -> Instant.ofEpochMilli(1_700_000_000_000L + random.nextInt(1_000_000));
            case 6 -> new BsonRegularExpression("^a.*" + random.nextInt(9), "i");
            case 7 -> random.nextInt();
            case 8 -> new BsonTimestamp(random.nextLong());
            case 9 -> random.nextLong();
            case 10 -> new Decimal128(random.nextLong(), random.nextLong());
            case 11 -> MaxKey.getInstance();
            case 12 -> MinKey.getInstance();
            case 13 -> new BsonJavaScript("function() { return " + random.nextInt(9) + "; }");
            case 14 -> random.nextBoolean() ? new BinData(new byte[] {1, 2, (byte) random.nextInt(256)}) : UUID.randomUUID();
            case 15 -> Arrays.asList("t" + random.nextInt(3), random.nextInt(5), null);
            case 16 -> new ArrayList<>();
            case 17 -> document(depth + 1);
            default -> {
                List<Object> nested = new ArrayList<>();
                for (int i = random.nextInt(4); i >= 0; i--) {
                    nested.add(random.nextBoolean() ? document(depth + 1) : value(depth + 1));
                }
                yield nested;
            }
        };
    }
}
