package io.cloudexchange.core.messaging;

/** Publishes batches to their module's queue. */
public interface BatchPublisher {

    /**
     * Returns only after the broker confirmed the message is stored (publisher confirm, or a
     * committed transaction on brokers without confirms).
     *
     * @throws BatchPublishException when the broker did not confirm; the caller must not advance its checkpoint
     */
    void publish(BatchMessage batch);
}
