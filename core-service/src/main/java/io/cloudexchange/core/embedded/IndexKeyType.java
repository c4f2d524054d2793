package io.cloudexchange.core.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The store's key format for unique indexes (e.g. every collection's {@code _id} index): keys are compared as
 * values, the way the server orders them, and written as BSON after a marker byte; a key of one string (an
 * {@code _id} such as {@code "URL:https://..."}) is written as its UTF-8 bytes after a marker byte of its own, since
 * every write of an index page writes all its keys again and the BSON encoding of each was a third of that work.
 * <p>
 * The H2 backend's default key type, {@link ObjectDataType}, Java-serializes both keys on every comparison of a
 * B-tree search: about a third of the CPU of storing an indicator.
 * <p>
 * A B-tree's keys must stay in the order they were written in, so a store in the old format is converted once on
 * opening ({@link IdIndexedH2Database}).
 */
final class IndexKeyType extends BasicDataType<KeyValue> {

    private static final byte BSON_MARKER = StoredDocumentType.BSON_MARKER;
    private static final byte STRING_MARKER = (byte) 0xB6;
    private static final String VALUES = "v";
    private static final ValueComparator ORDER = ValueComparator.ascWithoutListHandling();

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            Object valueA = a.get(i);
            Object valueB = b.get(i);
            // The server orders two strings as String.compareTo does; most keys are _id strings.
            int order = valueA instanceof String textA && valueB instanceof String textB ? textA.compareTo(textB)
                    : ORDER.compare(valueA, valueB);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public int getMemory(KeyValue key) {
        int memory = 48;
        for (Object value : key) {
            memory += value instanceof String text ? 40 + 2 * text.length() : 64;
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        if (key.size() == 1 && key.get(0) instanceof String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            buffer.put(STRING_MARKER).putVarInt(utf8.length).put(utf8);
            return;
        }
        List<Object> values = new ArrayList<>(key.size());
        key.forEach(values::add);
        ByteBuf bson = Unpooled.buffer(64);
        try {
            BsonEncoder.encodeDocument(new Document(VALUES, values), bson);
            buffer.put(BSON_MARKER).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
        } finally {
            bson.release();
        }
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        byte marker = buffer.get();
        if (marker == STRING_MARKER) {
            return new KeyValue(readUtf8(buffer, DataUtils.readVarInt(buffer)));
        }
        if (marker != BSON_MARKER) {
            throw new IllegalStateException("Not an index key in this store's format");
        }
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice());
        Document document = BsonDecoder.decodeBson(bson);
        buffer.position(buffer.position() + bson.readerIndex());
        return new KeyValue((List<?>) document.get(VALUES));
    }

    private static String readUtf8(ByteBuffer buffer, int length) {
        String text;
        if (buffer.hasArray()) {
            text = new String(buffer.array(), buffer.arrayOffset() + buffer.position(), length, StandardCharsets.UTF_8);
        } else {
            byte[] utf8 = new byte[length];
            buffer.duplicate().get(utf8);
            text = new String(utf8, StandardCharsets.UTF_8);
        }
        buffer.position(buffer.position() + length);
        return text;
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
