package io.cloudexchange.core.cls.delivery;

import com.rabbitmq.client.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

/** Consumes one destination's queue: acknowledges a batch only once every record is delivered or dead-lettered. */
class DestinationWorker implements ChannelAwareMessageListener {

    private static final Logger log = LoggerFactory.getLogger(DestinationWorker.class);

    private final String destinationId;
    private final DestinationBatches batches;
    private final BatchDelivery delivery;
    private final StopSignal stop = new StopSignal();

    DestinationWorker(String destinationId, DestinationBatches batches, BatchDelivery delivery) {
        this.destinationId = destinationId;
        this.batches = batches;
        this.delivery = delivery;
    }

    void stop() {
        stop.stop();
    }

    @Override
    public void onMessage(Message message, Channel channel) throws Exception {
        long tag = message.getMessageProperties().getDeliveryTag();
        QueuedBatch batch;
        try {
            batch = batches.open(message);
        } catch (RuntimeException e) {
            log.error("Dropping an unreadable message in the queue of destination {}: {}", destinationId, e.toString());
            channel.basicAck(tag, false);
            return;
        }
        try {
            delivery.deliver(destinationId, batch, stop);
        } catch (QueuedBatch.UnreadableBatchException e) {
            // the records before the broken part were delivered or dead-lettered; the rest cannot be read
            log.error("Dropping the unreadable rest of a message in the queue of destination {}: {}", destinationId,
                    e.getMessage());
            channel.basicAck(tag, false);
            return;
        } catch (HandBackException e) {
            log.info("Batch {} of destination {} goes back to its queue: {}", batch.header().batchId(), destinationId,
                    e.getMessage());
            channel.basicNack(tag, false, true);
            return;
        } catch (RuntimeException e) {
            // e.g. MongoDB unavailable while dead-lettering: keep the batch, try again shortly
            log.error("Delivery of batch {} to destination {} failed; it stays queued", batch.header().batchId(),
                    destinationId, e);
            stop.sleep(java.time.Duration.ofSeconds(1));
            channel.basicNack(tag, false, true);
            return;
        }
        channel.basicAck(tag, false);
    }
}
