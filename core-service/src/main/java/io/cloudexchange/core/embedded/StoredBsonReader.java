package io.cloudexchange.core.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Reads a stored document's BSON into the server's {@link Document}, value for value as {@link BsonDecoder} does
 * (which decodes every value but documents and arrays), with savings that matter when a scan reads a million
 * documents:
 * <ul>
 * <li>field names, the same few dozen in every document, are shared instead of decoded into a new string each time
 * (a quarter of a scan's time went to that);</li>
 * <li>arrays are read straight into lists, not into a document keyed "0", "1"... first;</li>
 * <li>the bytes are read from the page's array, not through a Netty buffer, whose bounds and reference-count checks on
 * every byte read cost as much as the decoding itself. The common types are decoded here; the rare ones (binary,
 * ObjectId, regular expressions, timestamps...) by {@link BsonDecoder}.</li>
 * </ul>
 */
final class StoredBsonReader {

    private static final byte END = 0;
    private static final byte DOUBLE = 0x01;
    private static final byte STRING = 0x02;
    private static final byte DOCUMENT = 0x03;
    private static final byte ARRAY = 0x04;
    private static final byte UNDEFINED = 0x06;
    private static final byte BOOLEAN = 0x08;
    private static final byte DATE = 0x09;
    private static final byte NULL = 0x0A;
    private static final byte INT32 = 0x10;
    private static final byte INT64 = 0x12;
    private static final byte BINARY = 0x05;
    private static final byte OBJECT_ID = 0x07;
    private static final byte REGEX = 0x0B;
    private static final byte DB_POINTER = 0x0C;
    private static final byte JAVASCRIPT = 0x0D;
    private static final byte SYMBOL = 0x0E;
    private static final byte JAVASCRIPT_WITH_SCOPE = 0x0F;
    private static final byte TIMESTAMP = 0x11;
    private static final byte DECIMAL128 = 0x13;
    private static final byte MIN_KEY = (byte) 0xFF;
    private static final byte MAX_KEY = 0x7F;
    private static final int NAME_SLOTS = 4096;
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Field names by a hash of their bytes; a slot holds the last name seen there (strings are safe to share). */
    private final String[] names = new String[NAME_SLOTS];

    /** The document at the buffer's position; the position moves past it. */
    Document read(ByteBuffer buffer) {
        if (buffer.remaining() < 5) {
            throw malformed("a document needs at least 5 bytes, " + buffer.remaining() + " left");
        }
        Bytes bytes;
        if (buffer.hasArray()) {
            bytes = new Bytes(buffer.array(), buffer.arrayOffset() + buffer.position(),
                    buffer.arrayOffset() + buffer.limit());
        } else {
            int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (length < 5 || length > buffer.remaining()) {
                throw malformed("a document of " + length + " bytes with " + buffer.remaining() + " left");
            }
            byte[] copy = new byte[length];
            buffer.duplicate().get(copy);
            bytes = new Bytes(copy, 0, length);
        }
        int start = bytes.position;
        Document document = read(bytes);
        buffer.position(buffer.position() + bytes.position - start);
        return document;
    }

    /** The document at the buffer's reader index; the index moves past it. */
    Document read(ByteBuf bson) {
        ByteBuffer buffer = bson.nioBuffer();
        Document document = read(buffer);
        bson.skipBytes(buffer.position());
        return document;
    }

    /** The document stored as {@code bson}, which must hold exactly one document. */
    Document read(byte[] bson) {
        Bytes bytes = new Bytes(bson, 0, bson.length);
        Document document = read(bytes);
        checkLength(bytes, 0, bson.length);
        return document;
    }

    /**
     * Only the top-level fields of the document named in {@code fields}, in their stored order; the others are
     * skipped by their length, without being decoded. A query, sort or projection that reads only those fields sees
     * the same values as in the whole document.
     */
    Document read(byte[] bson, Fields fields) {
        Bytes bytes = new Bytes(bson, 0, bson.length);
        int length = bytes.int32();
        bytes.limitTo(0, length);
        Document document = new Document();
        byte[] array = bytes.array;
        for (byte type = bytes.int8(); type != END; type = bytes.int8()) {
            int start = bytes.position;
            int nameLength = nameLength(bytes);
            String name = fields.named(array, start, nameLength);
            bytes.position = start + nameLength + 1;
            if (name != null) {
                document.put(name, value(type, bytes));
            } else {
                skip(type, bytes);
            }
        }
        checkLength(bytes, 0, length);
        checkLength(bytes, 0, bson.length);
        return document;
    }

    /**
     * Field names to read, matched against a document's name bytes without decoding them (a scan meets every name of
     * every document, and reads only a few).
     */
    static final class Fields {

        private final String[] names;
        private final byte[][] utf8;

        private Fields(Set<String> names) {
            this.names = names.toArray(String[]::new);
            this.utf8 = new byte[this.names.length][];
            for (int i = 0; i < this.names.length; i++) {
                utf8[i] = this.names[i].getBytes(StandardCharsets.UTF_8);
            }
        }

        static Fields of(Set<String> names) {
            return new Fields(names);
        }

        /** The name among these whose UTF-8 bytes are {@code array[start, start + length)}, or null. */
        String named(byte[] array, int start, int length) {
            for (int i = 0; i < utf8.length; i++) {
                byte[] candidate = utf8[i];
                if (candidate.length == length && Arrays.equals(candidate, 0, length, array, start, start + length)) {
                    return names[i];
                }
            }
            return null;
        }
    }

    /** Moves past a value of the given type without decoding it. */
    private static void skip(byte type, Bytes bytes) {
        switch (type) {
            case DOUBLE, DATE, INT64, TIMESTAMP -> bytes.skip(8);
            case STRING, JAVASCRIPT, SYMBOL -> bytes.skip(bytes.int32());
            case DOCUMENT, ARRAY, JAVASCRIPT_WITH_SCOPE -> bytes.skip(bytes.int32() - 4);
            case BINARY -> bytes.skip(bytes.int32() + 1);
            case UNDEFINED, NULL, MIN_KEY, MAX_KEY -> {
            }
            case OBJECT_ID -> bytes.skip(12);
            case BOOLEAN -> bytes.skip(1);
            case REGEX -> {
                bytes.skip(nameLength(bytes) + 1);
                bytes.skip(nameLength(bytes) + 1);
            }
            case DB_POINTER -> bytes.skip(bytes.int32() + 12);
            case INT32 -> bytes.skip(4);
            case DECIMAL128 -> bytes.skip(16);
            default -> bytes.decodedByTheServer(type);
        }
    }

    private Document read(Bytes bytes) {
        int start = bytes.position;
        int length = bytes.int32();
        int enclosing = bytes.limitTo(start, length);
        Document document = new Document();
        for (byte type = bytes.int8(); type != END; type = bytes.int8()) {
            String name = name(bytes);
            document.put(name, value(type, bytes));
        }
        checkLength(bytes, start, length);
        bytes.limit = enclosing;
        return document;
    }

    private List<Object> readArray(Bytes bytes) {
        int start = bytes.position;
        int length = bytes.int32();
        int enclosing = bytes.limitTo(start, length);
        List<Object> array = new ArrayList<>();
        for (byte type = bytes.int8(); type != END; type = bytes.int8()) {
            bytes.position += nameLength(bytes) + 1;
            array.add(value(type, bytes));
        }
        checkLength(bytes, start, length);
        bytes.limit = enclosing;
        return array;
    }

    private Object value(byte type, Bytes bytes) {
        return switch (type) {
            case DOUBLE -> Double.longBitsToDouble(bytes.int64());
            case STRING -> bytes.string();
            case DOCUMENT -> read(bytes);
            case ARRAY -> readArray(bytes);
            case UNDEFINED, NULL -> null;
            case BOOLEAN -> bytes.bool();
            case DATE -> Instant.ofEpochMilli(bytes.int64());
            case INT32 -> bytes.int32();
            case INT64 -> bytes.int64();
            default -> bytes.decodedByTheServer(type);
        };
    }

    private static void checkLength(Bytes bytes, int start, int length) {
        if (bytes.position - start != length) {
            throw malformed("a document of " + length + " bytes ends after " + (bytes.position - start));
        }
    }

    private static int nameLength(Bytes bytes) {
        byte[] array = bytes.array;
        for (int i = bytes.position; i < bytes.limit; i++) {
            if (array[i] == END) {
                return i - bytes.position;
            }
        }
        throw malformed("a field name without its terminating zero");
    }

    private String name(Bytes bytes) {
        byte[] array = bytes.array;
        int start = bytes.position;
        int hash = 0;
        boolean ascii = true;
        int end = start;
        for (; end < bytes.limit && array[end] != END; end++) {
            ascii &= array[end] >= 0;
            hash = 31 * hash + array[end];
        }
        if (end == bytes.limit) {
            throw malformed("a field name without its terminating zero");
        }
        bytes.position = end + 1;
        int length = end - start;
        if (!ascii) {
            return new String(array, start, length, StandardCharsets.UTF_8);
        }
        int slot = (hash ^ (hash >>> 16)) & (NAME_SLOTS - 1);
        String known = names[slot];
        if (known != null && sameAscii(known, array, start, length)) {
            return known;
        }
        String name = new String(array, start, length, StandardCharsets.US_ASCII);
        names[slot] = name;
        return name;
    }

    private static boolean sameAscii(String name, byte[] array, int start, int length) {
        if (name.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (name.charAt(i) != array[start + i]) {
                return false;
            }
        }
        return true;
    }

    private static IllegalArgumentException malformed(String problem) {
        return new IllegalArgumentException("malformed BSON: " + problem);
    }

    /** A read position in an array, and where the innermost document being read ends. */
    private static final class Bytes {

        final byte[] array;
        int position;
        int limit;

        Bytes(byte[] array, int position, int limit) {
            this.array = array;
            this.position = position;
            this.limit = limit;
        }

        /**
         * Reading the document or array at {@code start}, which must end within the enclosing one: the enclosing
         * limit, to be restored when it is read.
         */
        int limitTo(int start, int length) {
            if (length < 5 || length > limit - start) {
                throw malformed("a document of " + length + " bytes with " + (limit - start) + " left");
            }
            int enclosing = limit;
            limit = start + length;
            return enclosing;
        }

        private void need(int count) {
            if (count < 0 || count > limit - position) {
                throw malformed(count + " bytes needed, " + (limit - position) + " left");
            }
        }

        void skip(int count) {
            need(count);
            position += count;
        }

        byte int8() {
            need(1);
            return array[position++];
        }

        int int32() {
            need(4);
            int value = (int) INT_LE.get(array, position);
            position += 4;
            return value;
        }

        long int64() {
            need(8);
            long value = (long) LONG_LE.get(array, position);
            position += 8;
            return value;
        }

        Boolean bool() {
            byte value = int8();
            return switch (value) {
                case 0 -> Boolean.FALSE;
                case 1 -> Boolean.TRUE;
                default -> throw new IllegalArgumentException("Illegal boolean value:" + value);
            };
        }

        String string() {
            int length = int32();
            need(length);
            if (length < 1 || array[position + length - 1] != END) {
                throw malformed("a string of " + length + " bytes without its terminating zero");
            }
            String value = new String(array, position, length - 1, StandardCharsets.UTF_8);
            position += length;
            return value;
        }

        Object decodedByTheServer(byte type) {
            ByteBuf rest = Unpooled.wrappedBuffer(array, position, limit - position);
            Object value = BsonDecoder.decodeValue(type, rest);
            position += rest.readerIndex();
            return value;
        }
    }
}
