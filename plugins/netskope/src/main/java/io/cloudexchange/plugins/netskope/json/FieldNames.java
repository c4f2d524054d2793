package io.cloudexchange.plugins.netskope.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Field names repeat in every record: one String each (its hash computed once), found again by a hash of the name's
 * UTF-8 bytes. A slot holds the last name seen there; long names are not kept.
 */
final class FieldNames {

    private static final int SLOTS = 512;
    private static final int MAX_CACHED_LENGTH = 64;

    private final String[] names = new String[SLOTS];
    private final byte[][] nameBytes = new byte[SLOTS][];

    String name(byte[] bytes, int offset, int length) {
        if (length > MAX_CACHED_LENGTH) {
            return new String(bytes, offset, length, StandardCharsets.UTF_8);
        }
        int hash = length;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + bytes[i];
        }
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        byte[] cached = nameBytes[slot];
        if (cached != null && Arrays.equals(cached, 0, cached.length, bytes, offset, offset + length)) {
            return names[slot];
        }
        String name = new String(bytes, offset, length, StandardCharsets.UTF_8);
        nameBytes[slot] = Arrays.copyOfRange(bytes, offset, offset + length);
        names[slot] = name;
        return name;
    }
}
