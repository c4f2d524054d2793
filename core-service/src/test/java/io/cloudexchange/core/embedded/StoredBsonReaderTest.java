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
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
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
    void aPartialReadHasTheChosenFieldsOfTheWholeReadInTheirOrderAndSkipsEveryTypeExactly() {
        for (int i = 0; i < 2000; i++) {
            Document original = document(0);
            original.put("last", "after every skipped value");
            byte[] bson = ByteBufUtil.getBytes(encode(original));
            Document whole = reader.read(bson);
            Set<String> chosen = new HashSet<>();
            for (String name : whole.keySet()) {
                if (random.nextInt(3) == 0) {
                    chosen.add(name);
                }
            }
            chosen.add("last");
            chosen.add("not-in-any-document");
            Document expected = new Document();
            whole.forEach((name, value) -> {
                if (chosen.contains(name)) {
                    expected.put(name, value);
                }
            });
            Document partial = reader.read(bson, StoredBsonReader.Fields.of(chosen));
            assertThat(ByteBufUtil.getBytes(encode(partial))).as("document %d: %s of %s", i, chosen, whole)
                    .isEqualTo(ByteBufUtil.getBytes(encode(expected)));
            assertThat(partial.get("last")).isEqualTo("after every skipped value");
        }
    }

    @Test
    void aPartialReadOfATruncatedOrOverlongDocumentIsRefused() {
        byte[] whole = ByteBufUtil.getBytes(encode(new Document("skipped", new Document("c", "long text"))
                .append("read", 1L)));
        for (int length = 0; length < whole.length; length++) {
            byte[] truncated = Arrays.copyOf(whole, length);
            assertThatThrownBy(() -> reader.read(truncated, StoredBsonReader.Fields.of(Set.of("read")))).as("%d bytes", length)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed BSON");
        }
        byte[] longer = Arrays.copyOf(whole, whole.length + 1);
        assertThatThrownBy(() -> reader.read(longer, StoredBsonReader.Fields.of(Set.of("read")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reader.read(longer)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDocumentWhoseLengthDisagreesWithItsContentIsRefused() {
        ByteBuf bson = encode(new Document("a", 1).append("b", "two"));
        bson.setIntLE(0, bson.getIntLE(0) + 3);

        assertThatThrownBy(() -> reader.read(bson)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed BSON");
    }

    @Test
    void readsDocumentsOneAfterAnotherFromAPageAtAnyOffsetOnTheHeapOrNot() {
        List<Document> expected = new ArrayList<>();
        ByteBuf page = Unpooled.buffer();
        page.writeBytes(new byte[] {7, 7, 7});
        for (int i = 0; i < 50; i++) {
            Document document = document(0);
            expected.add(BsonDecoder.decodeBson(encode(document)));
            BsonEncoder.encodeDocument(document, page);
        }
        page.writeByte(9);
        byte[] bytes = ByteBufUtil.getBytes(page);
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        for (ByteBuffer buffer : List.of(ByteBuffer.wrap(bytes, 1, bytes.length - 1).slice().position(2), direct.position(3))) {
            for (Document document : expected) {
                assertThat(reader.read(buffer).toString()).isEqualTo(document.toString());
            }
            assertThat(buffer.remaining()).as("the page's bytes after its documents are left").isEqualTo(1);
        }
    }

    @Test
    void aTruncatedDocumentIsRefusedNotReadPastItsEnd() {
        ByteBuf whole = encode(new Document("a", "text").append("b", new Document("c", 1L)));
        for (int length = 0; length < whole.readableBytes(); length++) {
            ByteBuffer truncated = ByteBuffer.wrap(ByteBufUtil.getBytes(whole, 0, length));
            assertThatThrownBy(() -> reader.read(truncated)).as("%d bytes", length)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed BSON");
        }
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
