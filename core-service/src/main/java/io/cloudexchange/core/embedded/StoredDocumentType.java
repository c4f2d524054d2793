package io.cloudexchange.core.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The store's value format for documents: a marker byte, then the document as BSON (the server's own wire
 * encoding, so every type a client can send round-trips). In memory, in the store's page cache, a document is kept
 * as that BSON, a {@code byte[]}: the collection decodes what a command reads ({@link IdIndexedH2Collection}), and a
 * page written again (every commit writes each changed page whole) is copied, not encoded.
 * <p>
 * Keeping decoded documents in the cache instead made every scan and every write pay for them: a page read from the
 * file decoded each of its documents (and a write encoded them all again, beside the one it changed), and the cached
 * documents, many small objects each, kept the garbage collector busy scanning the old generation.
 * <p>
 * Stores written by the stock backend (Java serialization through {@link ObjectDataType}) stay readable: their values
 * start with a type tag below 128, never with {@link #BSON_MARKER}. Such a value is converted to BSON when it is read,
 * and written as BSON with its page; a document the encoder cannot represent stays a {@link Document}, written in
 * the old format.
 */
final class StoredDocumentType extends BasicDataType<Object> {

    /** First byte of a BSON value; no {@link ObjectDataType} value starts with it (its tags are 0–127). */
    static final byte BSON_MARKER = (byte) 0xB5;

    /** Heap of a {@code byte[]} beyond its bytes, and of a decoded legacy document relative to its BSON size. */
    private static final int ARRAY_OVERHEAD = 24;
    private static final int LEGACY_HEAP = 4096;

    private final ObjectDataType legacy = new ObjectDataType();

    /** A document as this store keeps it. */
    static byte[] encode(Document document) {
        ByteBuf bson = Unpooled.buffer(512);
        try {
            BsonEncoder.encodeDocument(document, bson);
            byte[] bytes = new byte[bson.readableBytes()];
            bson.readBytes(bytes);
            return bytes;
        } finally {
            bson.release();
        }
    }

    @Override
    public int getMemory(Object stored) {
        return stored instanceof byte[] bson ? bson.length + ARRAY_OVERHEAD : LEGACY_HEAP;
    }

    @Override
    public void write(WriteBuffer buffer, Object stored) {
        if (stored instanceof byte[] bson) {
            buffer.put(BSON_MARKER).put(bson);
        } else {
            legacy.write(buffer, stored);
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON_MARKER) {
            Document document = (Document) legacy.read(buffer);
            try {
                return encode(document);
            } catch (RuntimeException notEncodable) {
                return document;
            }
        }
        buffer.get();
        int length = buffer.remaining() < 4 ? -1 : buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (length < 5 || length > buffer.remaining()) {
            throw new IllegalStateException("malformed BSON: a document of " + length + " bytes with "
                    + buffer.remaining() + " left in its page");
        }
        byte[] bson = new byte[length];
        buffer.get(bson);
        return bson;
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }

    /** Values are only compared for equality (e.g. a conditional replace); they have no order. */
    @Override
    public int compare(Object a, Object b) {
        boolean same = a instanceof byte[] bytesA && b instanceof byte[] bytesB ? Arrays.equals(bytesA, bytesB)
                : a.equals(b);
        return same ? 0 : 1;
    }
}
