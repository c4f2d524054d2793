package io.cloudexchange.core.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

/** Index keys written and read back, in a page of several, in both of the store's key formats. */
class IndexKeyTypeTest {

    private final IndexKeyType type = new IndexKeyType();

    private final List<KeyValue> keys = List.of(
            new KeyValue("URL:https://example.com/a"), new KeyValue(""), new KeyValue("DOMAIN:bücher.example ✓"),
            new KeyValue(42), new KeyValue(new ObjectId()), new KeyValue("tenant", 7L),
            new KeyValue(Instant.ofEpochMilli(1_700_000_000_000L)), new KeyValue((Object) null));

    @Test
    void keysReadBackEqualAndInTheSameOrderOnTheHeapOrNot() {
        WriteBuffer page = new WriteBuffer();
        page.put((byte) 1);
        keys.forEach(key -> type.write(page, key));
        page.put((byte) 9);
        ByteBuffer written = page.getBuffer().flip();
        byte[] bytes = new byte[written.remaining()];
        written.get(bytes);

        for (ByteBuffer buffer : List.of(ByteBuffer.wrap(bytes), ByteBuffer.allocateDirect(bytes.length).put(bytes).flip())) {
            buffer.get();
            List<KeyValue> read = new ArrayList<>();
            keys.forEach(key -> read.add(type.read(buffer)));
            assertThat(read).isEqualTo(keys);
            for (int i = 0; i < keys.size(); i++) {
                assertThat(type.compare(read.get(i), keys.get(i))).isZero();
            }
            assertThat(buffer.get()).as("the byte after the keys").isEqualTo((byte) 9);
        }
    }

    @Test
    void aOneStringKeyIsWrittenAsItsUtf8BytesNotAsBson() {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, new KeyValue("IPV4:10.0.0.1"));

        assertThat(buffer.position()).isEqualTo(1 + 1 + "IPV4:10.0.0.1".length());
    }

    @Test
    void keysStoredAsBsonByEarlierVersionsAreStillRead() {
        for (KeyValue key : keys) {
            List<Object> values = new ArrayList<>();
            key.forEach(values::add);
            ByteBuf bson = Unpooled.buffer();
            bson.writeByte(StoredDocumentType.BSON_MARKER);
            BsonEncoder.encodeDocument(new Document("v", values), bson);

            assertThat(type.read(ByteBuffer.wrap(ByteBufUtil.getBytes(bson)))).isEqualTo(key);
        }
    }
}
