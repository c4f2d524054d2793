package io.cloudexchange.core.cls.delivery;

import io.cloudexchange.core.messaging.BatchMessage;
import java.util.Objects;

/**
 * What a destination's queue carries: one pulled batch (never one record) for one SIEM mapping. Replayed
 * dead letters travel the same way, as a batch of the records replayed.
 */
record DestinationBatch(String mappingId, BatchMessage batch) {

    DestinationBatch {
        Objects.requireNonNull(mappingId, "mappingId");
        Objects.requireNonNull(batch, "batch");
    }

    /** The durable queue of a destination configuration. */
    static String queue(String destinationConfigurationId) {
        return "ce.cls.dest." + destinationConfigurationId;
    }
}
