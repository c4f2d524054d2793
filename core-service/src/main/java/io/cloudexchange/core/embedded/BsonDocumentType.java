package io.cloudexchange.core.embedded;

import com.google.common.collect.MapMaker;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentMap;
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
 * <p>
 * A document the collection stores already encoded (to count its size) keeps that BSON until it is changed
 * ({@link #forget}), so that writing its page does not encode it again. The server's general update code changes a
 * stored document in place, then hands it to the collection's {@code handleUpdate}, which forgets its BSON first.
 * Documents read from the file keep none: remembering theirs made every scan slower (a copy and a weak reference
 * per document) and saved no measurable ingest time.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    /** First byte of a BSON value; no {@link ObjectDataType} value starts with it (its tags are 0–127). */
    static final byte BSON_MARKER = (byte) 0xB5;

    /** Heap of a decoded document relative to its BSON size (strings as UTF-16, map entries, boxed numbers). */
    private static final int HEAP_PER_BSON_BYTE = 4;

    private final ObjectDataType legacy = new ObjectDataType();
    private final StoredBsonReader reader = new StoredBsonReader();
    /** The BSON of documents stored and not changed since, by identity, for as long as the document lives. */
    private final ConcurrentMap<Document, byte[]> unchanged = new MapMaker().weakKeys().makeMap();
    private volatile int averageBsonSize = 1024;

    @Override
    public int getMemory(Document document) {
        return averageBsonSize * HEAP_PER_BSON_BYTE;
    }

    /** The document as BSON, to be stored: its BSON is kept with it ({@link #remember}). */
    byte[] encode(Document document) {
        ByteBuf bson = Unpooled.buffer(averageBsonSize * 2);
        try {
            BsonEncoder.encodeDocument(document, bson);
            byte[] bytes = new byte[bson.readableBytes()];
            bson.readBytes(bytes);
            return bytes;
        } finally {
            bson.release();
        }
    }

    /** Keeps the BSON of a document about to be stored; the document must not be changed afterwards. */
    void remember(Document document, byte[] bson) {
        unchanged.put(document, bson);
    }

    /** Before a stored document, changed in place, is stored again. */
    void forget(Document document) {
        unchanged.remove(document);
    }

    /** The document's size in BSON: as it was stored, if it was not changed since. */
    int bsonSize(Document document) {
        byte[] bson = unchanged.get(document);
        return bson != null ? bson.length : encode(document).length;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        byte[] kept = unchanged.get(document);
        if (kept != null) {
            buffer.put(BSON_MARKER).put(kept);
            return;
        }
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
        Document document = reader.read(bson);
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
