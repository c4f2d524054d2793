package io.cloudexchange.core.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.amqp.core.Message;

/** Publishes each batch as one persistent message to its module's exchange and waits for the broker. */
class AmqpBatchPublisher implements BatchPublisher {

    private final ConfirmedSender sender;
    private final BatchMessageCodec codec;
    private final MeterRegistry meters;

    AmqpBatchPublisher(ConfirmedSender sender, BatchMessageCodec codec, MeterRegistry meters) {
        this.sender = sender;
        this.codec = codec;
        this.meters = meters;
    }

    @Override
    public void publish(BatchMessage batch) {
        String module = batch.module().name();
        Timer.Sample sample = Timer.start(meters);
        try {
            Message message = codec.encode(batch);
            sender.send(BatchTopology.exchange(batch.module()), BatchTopology.routingKey(batch.module()), message);
        } catch (RuntimeException e) {
            sample.stop(meters.timer("cloudexchange.batches.publish", "module", module, "outcome", "failed"));
            throw new BatchPublishException("broker did not confirm batch " + batch.batchId() + " of " + module, e);
        }
        sample.stop(meters.timer("cloudexchange.batches.publish", "module", module, "outcome", "confirmed"));
        Counter.builder("cloudexchange.batches.published").tag("module", module).register(meters).increment();
        Counter.builder("cloudexchange.batch.items.published").tag("module", module).register(meters)
                .increment(batch.items().size());
    }
}
