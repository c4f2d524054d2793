package io.cloudexchange.core.cls.delivery;

import io.cloudexchange.core.messaging.BatchMessage;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * One batch from a destination's queue as the worker reads it: the page's header (its {@code items} left empty)
 * and its records, read one at a time from the message body so that a page is never held as maps all at once.
 * The records can be read once.
 */
final class QueuedBatch {

    private final String mappingId;
    private final BatchMessage header;
    private final Iterator<Map<String, Object>> records;

    QueuedBatch(String mappingId, BatchMessage header, Iterator<Map<String, Object>> records) {
        this.mappingId = Objects.requireNonNull(mappingId, "mappingId");
        this.header = Objects.requireNonNull(header, "header");
        this.records = Objects.requireNonNull(records, "records");
    }

    /** A batch already decoded, e.g. queued by an earlier version. */
    static QueuedBatch of(DestinationBatch decoded) {
        BatchMessage batch = decoded.batch();
        return new QueuedBatch(decoded.mappingId(), withoutItems(batch), batch.items().iterator());
    }

    static BatchMessage withoutItems(BatchMessage batch) {
        return new BatchMessage(batch.batchId(), batch.module(), batch.configurationId(), batch.pluginId(),
                batch.stream(), batch.kind(), batch.createdAt(), null, batch.targetMappingId());
    }

    String mappingId() {
        return mappingId;
    }

    /** The batch without its records. */
    BatchMessage header() {
        return header;
    }

    /**
     * The records not read yet; {@link UnreadableBatchException} from {@code hasNext} or {@code next} when the
     * rest of the body is not JSON.
     */
    Iterator<Map<String, Object>> records() {
        return records;
    }

    /** The rest of a message body cannot be read. */
    static final class UnreadableBatchException extends RuntimeException {
        UnreadableBatchException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
