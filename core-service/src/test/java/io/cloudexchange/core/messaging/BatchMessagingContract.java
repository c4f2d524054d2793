package io.cloudexchange.core.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudexchange.plugin.api.PlatformModule;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** Publish and consume behaviour every supported broker must show. */
@Import(RecordingHandlers.class)
@TestPropertySource(properties = "cloudexchange.workers.enabled=false")
abstract class BatchMessagingContract {

    @Autowired
    BatchPublisher publisher;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    RecordingHandlers.Recording cteHandler;
    @Autowired
    RecordingHandlers.FlakyOnce ctoHandler;

    @Test
    void publishedBatchReachesItsModuleHandler() {
        BatchMessage batch = TestBatches.batch(PlatformModule.CTE);

        publisher.publish(batch);

        await().atMost(Duration.ofSeconds(30)).until(() -> cteHandler.hasHandled(batch.batchId()));
        assertThat(cteHandler.handled).filteredOn(handled -> handled.batchId().equals(batch.batchId()))
                .singleElement().isEqualTo(batch);
    }

    @Test
    void transientFailureIsRetriedAfterABackoff() {
        BatchMessage batch = TestBatches.batch(PlatformModule.CTO);

        publisher.publish(batch);

        await().atMost(Duration.ofSeconds(30)).until(() -> ctoHandler.hasHandled(batch.batchId()));
        assertThat(ctoHandler.deliveries.get(batch.batchId())).hasValue(2);
    }

    @Test
    void permanentFailureIsDeadLetteredWithItsReason() {
        BatchMessage batch = TestBatches.batch(PlatformModule.CLS);

        publisher.publish(batch);

        Message dead = awaitMessage(BatchTopology.deadLetterQueue(PlatformModule.CLS), batch.batchId());
        assertThat(dead.getMessageProperties().getHeaders())
                .containsEntry(BatchHeaders.FAILURE_EXCEPTION, IllegalArgumentException.class.getName())
                .containsEntry(BatchHeaders.FAILURE_REASON, "record 1 has no value")
                .containsEntry(BatchHeaders.BATCH_ID, batch.batchId())
                .containsKey(BatchHeaders.FAILED_AT);
    }

    @Test
    void moduleWithoutHandlerKeepsItsPersistentBatchesQueued() {
        BatchMessage batch = TestBatches.batch(PlatformModule.ARE);

        publisher.publish(batch);

        Message queued = awaitMessage(BatchTopology.queue(PlatformModule.ARE), batch.batchId());
        assertThat(queued.getMessageProperties().getReceivedDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
        assertThat(queued.getMessageProperties().getContentType()).isEqualTo("application/json");
        assertThat(queued.getMessageProperties().getHeaders())
                .containsEntry(BatchHeaders.MODULE, "ARE")
                .containsEntry(BatchHeaders.CONFIGURATION_ID, "config-1")
                .containsEntry(BatchHeaders.ITEM_COUNT, 2);
    }

    /** Drains the queue until the batch shows up (a shared broker may hold leftovers of earlier runs). */
    private Message awaitMessage(String queue, String batchId) {
        AtomicReference<Message> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Message message = rabbit.receive(queue, 200);
            if (message != null && batchId.equals(message.getMessageProperties().getMessageId())) {
                found.set(message);
            }
            return found.get() != null;
        });
        return found.get();
    }
}
