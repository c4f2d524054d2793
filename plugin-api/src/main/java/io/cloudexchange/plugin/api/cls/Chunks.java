package io.cloudexchange.plugin.api.cls;

import java.util.ArrayList;
import java.util.List;

/** Splits encoded records into request bodies of at most a number of bytes (e.g. a vendor's size limit), keeping their order. */
public final class Chunks {

    /** A record and its encoded bytes in the request body. */
    public record Encoded(MappedLog log, byte[] bytes) {
    }

    private Chunks() {
    }

    /**
     * Groups the records so that each group's bytes plus {@code overheadPerItem} per record plus
     * {@code fixedOverhead} stay within {@code maxBytes}. A record too large on its own is put in
     * {@code tooLarge} instead.
     */
    public static List<List<Encoded>> split(List<Encoded> items, long maxBytes, int overheadPerItem, int fixedOverhead,
                                     List<Encoded> tooLarge) {
        List<List<Encoded>> chunks = new ArrayList<>();
        List<Encoded> current = new ArrayList<>();
        long size = fixedOverhead;
        for (Encoded item : items) {
            long itemSize = item.bytes().length + (long) overheadPerItem;
            if (itemSize + fixedOverhead > maxBytes) {
                tooLarge.add(item);
                continue;
            }
            if (size + itemSize > maxBytes && !current.isEmpty()) {
                chunks.add(current);
                current = new ArrayList<>();
                size = fixedOverhead;
            }
            current.add(item);
            size += itemSize;
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    public static List<MappedLog> logs(List<Encoded> items) {
        return items.stream().map(Encoded::log).toList();
    }
}
