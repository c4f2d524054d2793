package io.cloudexchange.core.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The store's value format for documents: a marker byte, then the document as BSON (the server's own wire
 * encoding, so every type a client can send round-trips). About a third of the size of the H2 backend's default
 * (Java serialization through {@link ObjectDataType}) and far cheaper to read and write.
 * <p>
 * Stores written with the default stay readable: their values start with an {@link ObjectDataType} type tag (always
 * below 128), never with {@link #BSON_MARKER}, and are read as before. Every write uses BSON, so an old store converts
 * as its documents are rewritten. A document the encoder cannot represent is written in the old format.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    /** First byte of a BSON value; no {@link ObjectDataType} value starts with it (its tags are 0–127). */
    static final byte BSON_MARKER = (byte) 0xB5;

    /** Heap of a decoded document relative to its BSON size (strings as UTF-16, map entries, boxed numbers). */
    private static final int HEAP_PER_BSON_BYTE = 4;

    private final ObjectDataType legacy = new ObjectDataType();
    private volatile int averageBsonSize = 1024;

    @Override
    public int getMemory(Document document) {
        return averageBsonSize * HEAP_PER_BSON_BYTE;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(averageBsonSize * 2);
        try {
            BsonEncoder.encodeDocument(document, bson);
        } catch (RuntimeException notEncodable) {
            bson.release();
            legacy.write(buffer, document);
            return;
        }
        try {
            int size = bson.readableBytes();
            recordSize(size);
            buffer.put(BSON_MARKER).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), size);
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON_MARKER) {
            return (Document) legacy.read(buffer);
        }
        buffer.get();
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice());
        Document document = BsonDecoder.decodeBson(bson);
        int size = bson.readerIndex();
        buffer.position(buffer.position() + size);
        recordSize(size);
        return document;
    }

    private void recordSize(int size) {
        averageBsonSize = (size + 15 * averageBsonSize) / 16;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    /** Values are only compared for equality (e.g. a conditional replace); they have no order. */
    @Override
    public int compare(Document a, Document b) {
        return a.equals(b) ? 0 : 1;
    }
}
