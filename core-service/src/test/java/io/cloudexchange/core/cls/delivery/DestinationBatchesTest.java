package io.cloudexchange.core.cls.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.core.messaging.BatchMessage;
import io.cloudexchange.core.messaging.DurableQueues;
import io.cloudexchange.plugin.api.PlatformModule;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;
import tools.jackson.databind.json.JsonMapper;

class DestinationBatchesTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final CapturingQueues queues = new CapturingQueues();
    private final DestinationBatches batches = new DestinationBatches(queues, json);
    private final BatchMessage batch = new BatchMessage("b1", PlatformModule.CLS, "source", "netskope-logs",
            "alert:dlp", BatchMessage.Kind.LOGS, Instant.parse("2026-01-02T03:04:05Z"),
            List.of(Map.of("id", "r1", "raw", Map.of("_id", "r1"))));

    @Test
    void aForwardedBatchKeepsItsJsonAndCarriesTheMappingInAHeader() {
        byte[] body = json.writeValueAsBytes(batch);

        batches.forward("dest", "mapping-1", body, "b1", 1);

        assertThat(queues.queue).isEqualTo("ce.cls.dest.dest");
        assertThat(queues.body).isSameAs(body);
        assertThat(queues.headers).containsEntry(DestinationBatches.MAPPING_HEADER, "mapping-1")
                .containsEntry(DestinationBatches.BODY_HEADER, DestinationBatches.BODY_BATCH);
        assertThat(batches.decode(queues.sent())).isEqualTo(new DestinationBatch("mapping-1", batch));
    }

    @Test
    void aReplayedBatchTravelsTheSameWay() {
        batches.send("dest", new DestinationBatch("mapping-2", batch));

        assertThat(batches.decode(queues.sent())).isEqualTo(new DestinationBatch("mapping-2", batch));
    }

    @Test
    void aMessageQueuedByAnEarlierVersionIsStillRead() {
        MessageProperties properties = new MessageProperties();
        properties.setHeader(DestinationBatches.MAPPING_HEADER, "mapping-3");
        Message old = new Message(json.writeValueAsBytes(new DestinationBatch("mapping-3", batch)), properties);

        assertThat(batches.decode(old)).isEqualTo(new DestinationBatch("mapping-3", batch));
    }

    private static final class CapturingQueues implements DurableQueues {
        String queue;
        byte[] body;
        Map<String, Object> headers;

        Message sent() {
            MessageProperties properties = new MessageProperties();
            headers.forEach(properties::setHeader);
            return new Message(body, properties);
        }

        @Override
        public void declare(String name) {
        }

        @Override
        public void send(String name, byte[] content, Map<String, Object> messageHeaders) {
            this.queue = name;
            this.body = content;
            this.headers = new HashMap<>(messageHeaders);
        }

        @Override
        public long depth(String name) {
            return 0;
        }

        @Override
        public Consumer consume(String name, int prefetch, ChannelAwareMessageListener listener) {
            return () -> { };
        }
    }
}
