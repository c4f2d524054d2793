package io.cloudexchange.core.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a stored document's BSON into the server's {@link Document}, value for value as {@link BsonDecoder} does
 * (which decodes every value but documents and arrays), with two savings that matter when a scan reads a million
 * documents: field names, the same few dozen in every document, are shared instead of decoded into a new string each
 * time (a quarter of a scan's time went to that), and arrays are read straight into lists, not into a document keyed
 * "0", "1"... first.
 */
final class StoredBsonReader {

    private static final byte END = 0;
    private static final byte DOCUMENT = 0x03;
    private static final byte ARRAY = 0x04;
    private static final int NAME_SLOTS = 4096;

    /** Field names by a hash of their bytes; a slot holds the last name seen there (strings are safe to share). */
    private final String[] names = new String[NAME_SLOTS];

    Document read(ByteBuf bson) {
        int start = bson.readerIndex();
        int length = bson.readIntLE();
        Document document = new Document();
        for (byte type = bson.readByte(); type != END; type = bson.readByte()) {
            String name = name(bson);
            document.put(name, value(type, bson));
        }
        checkLength(bson, start, length);
        return document;
    }

    private List<Object> readArray(ByteBuf bson) {
        int start = bson.readerIndex();
        int length = bson.readIntLE();
        List<Object> array = new ArrayList<>();
        for (byte type = bson.readByte(); type != END; type = bson.readByte()) {
            bson.skipBytes(nameLength(bson) + 1);
            array.add(value(type, bson));
        }
        checkLength(bson, start, length);
        return array;
    }

    private Object value(byte type, ByteBuf bson) {
        return switch (type) {
            case DOCUMENT -> read(bson);
            case ARRAY -> readArray(bson);
            default -> BsonDecoder.decodeValue(type, bson);
        };
    }

    private static void checkLength(ByteBuf bson, int start, int length) {
        if (bson.readerIndex() - start != length) {
            throw new IllegalArgumentException("malformed BSON: a document of " + length + " bytes ends after "
                    + (bson.readerIndex() - start));
        }
    }

    private static int nameLength(ByteBuf bson) {
        int length = bson.bytesBefore(END);
        if (length < 0) {
            throw new IllegalArgumentException("malformed BSON: a field name without its terminating zero");
        }
        return length;
    }

    private String name(ByteBuf bson) {
        int start = bson.readerIndex();
        int length = nameLength(bson);
        bson.skipBytes(length + 1);
        int hash = 0;
        for (int i = 0; i < length; i++) {
            byte b = bson.getByte(start + i);
            if (b < 0) {
                return bson.toString(start, length, StandardCharsets.UTF_8);
            }
            hash = 31 * hash + b;
        }
        int slot = (hash ^ (hash >>> 16)) & (NAME_SLOTS - 1);
        String known = names[slot];
        if (known != null && sameAscii(known, bson, start, length)) {
            return known;
        }
        String name = bson.toString(start, length, StandardCharsets.US_ASCII);
        names[slot] = name;
        return name;
    }

    private static boolean sameAscii(String name, ByteBuf bson, int start, int length) {
        if (name.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (name.charAt(i) != bson.getByte(start + i)) {
                return false;
            }
        }
        return true;
    }
}
