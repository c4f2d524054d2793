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
}
