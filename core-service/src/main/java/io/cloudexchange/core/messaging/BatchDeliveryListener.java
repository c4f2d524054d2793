package io.cloudexchange.core.messaging;

import com.rabbitmq.client.Channel;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

/**
 * Hands one delivery to the module's {@link BatchHandler} and acknowledges it only once the batch is
 * handled, parked for a retry, or dead-lettered; the re-publish is confirmed before the ack, so a batch
 * is never lost between the two (at worst it is delivered twice).
 */
class BatchDeliveryListener implements ChannelAwareMessageListener {

    private static final Logger log = LoggerFactory.getLogger(BatchDeliveryListener.class);
    /** Keeps a broker that refuses re-publishes from turning the requeue into a hot loop. */
    private static final Duration REQUEUE_PAUSE = Duration.ofSeconds(1);

    private final BatchHandler handler;
    private final BatchMessageCodec codec;
    private final FailedBatchRouter router;
    private final MeterRegistry meters;

    BatchDeliveryListener(BatchHandler handler, BatchMessageCodec codec, FailedBatchRouter router, MeterRegistry meters) {
        this.handler = handler;
        this.codec = codec;
        this.router = router;
        this.meters = meters;
    }

    @Override
    public void onMessage(Message message, Channel channel) throws Exception {
        long deliveryTag = message.getMessageProperties().getDeliveryTag();
        String outcome;
        try {
            outcome = process(message);
        } catch (RuntimeException e) {
            // the failed batch could not be parked: give it back to the queue, whose redelivery retries it
            log.error("Could not re-route a failed {} batch {}; returning it to the queue",
                    handler.module(), message.getMessageProperties().getMessageId(), e);
            Thread.sleep(REQUEUE_PAUSE.toMillis());
            channel.basicNack(deliveryTag, false, true);
            return;
        }
        channel.basicAck(deliveryTag, false);
        meters.counter("cloudexchange.batches.consumed", "module", handler.module().name(), "outcome", outcome).increment();
    }

    private String process(Message message) {
        ReceivedBatch batch = new ReceivedBatch(message, codec);
        try {
            handler.handle(batch);
            return "handled";
        } catch (ReceivedBatch.UnreadableBatchException e) {
            log.error("Dead-lettering an unreadable {} message {}", handler.module(), message.getMessageProperties().getMessageId(), e);
            router.deadLetter(handler.module(), message, e);
            return "dead-lettered";
        } catch (TransientBatchException e) {
            Duration delay = router.retryLater(handler.module(), message);
            log.warn("{} batch {} failed transiently (attempt {}), retrying in {}s: {}", handler.module(), batch.messageId(),
                    FailedBatchRouter.attempts(message) + 1, delay.toSeconds(), e.getMessage());
            return "retried";
        } catch (RuntimeException e) {
            log.error("{} batch {} failed, dead-lettering it", handler.module(), batch.messageId(), e);
            router.deadLetter(handler.module(), message, e);
            return "dead-lettered";
        }
    }
}
