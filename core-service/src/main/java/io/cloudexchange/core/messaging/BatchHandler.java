package io.cloudexchange.core.messaging;

import io.cloudexchange.plugin.api.PlatformModule;

/**
 * A module worker: consumes its module's batches. The message is acknowledged only after
 * {@link #handle} returns. Throw {@link TransientBatchException} for failures worth retrying (database
 * or destination outage); any other exception dead-letters the batch with its reason.
 */
public interface BatchHandler {

    PlatformModule module();

    void handle(BatchMessage batch);

    /**
     * Handles a batch as it came off the queue; the default decodes it. A handler that forwards batches
     * unchanged may override this to pass the body on without decoding it.
     */
    default void handle(ReceivedBatch batch) {
        handle(batch.decode());
    }
}
