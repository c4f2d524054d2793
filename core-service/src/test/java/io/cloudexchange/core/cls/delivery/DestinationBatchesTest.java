package io.cloudexchange.core.cls.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudexchange.core.messaging.BatchMessage;
import io.cloudexchange.core.messaging.DurableQueues;
import io.cloudexchange.plugin.api.PlatformModule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
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
    void aForwardedBatchIsReadRecordByRecordWithItsHeader() {
        BatchMessage page = new BatchMessage("b2", PlatformModule.CLS, "source", "netskope-logs", "event:page",
                BatchMessage.Kind.LOGS, Instant.parse("2026-01-02T03:04:05.123456Z"),
                List.of(Map.of("id", "r1", "raw", Map.of("_id", "r1", "bytes", 12)), Map.of("id", "r2")), "target-9");
        batches.forward("dest", "mapping-1", json.writeValueAsBytes(page), "b2", 2);

        QueuedBatch queued = batches.open(queues.sent());

        assertThat(queued.mappingId()).isEqualTo("mapping-1");
        assertThat(queued.header()).isEqualTo(QueuedBatch.withoutItems(page));
        List<Map<String, Object>> read = new ArrayList<>();
        queued.records().forEachRemaining(read::add);
        assertThat(read).isEqualTo(page.items());
    }

    @Test
    void itemsThatAreNotObjectsAreLeftOutAndABrokenBodyStopsWhereItBreaks() {
        String head = "{\"batchId\":\"b3\",\"module\":\"CLS\",\"kind\":\"LOGS\",\"stream\":\"alert:dlp\",\"items\":[";
        batches.forward("dest", "m", (head + "{\"id\":\"r1\"},7,\"x\",{\"id\":\"r2\"}]}").getBytes(), "b3", 4);
        Iterator<Map<String, Object>> records = batches.open(queues.sent()).records();
        assertThat(records.next()).containsEntry("id", "r1");
        assertThat(records.next()).containsEntry("id", "r2");
        assertThat(records.hasNext()).isFalse();

        batches.forward("dest", "m", (head + "{\"id\":\"r1\"},{\"id\":").getBytes(), "b3", 2);
        Iterator<Map<String, Object>> broken = batches.open(queues.sent()).records();
        assertThat(broken.next()).containsEntry("id", "r1");
        assertThatThrownBy(broken::next).isInstanceOf(QueuedBatch.UnreadableBatchException.class);
    }

    @Test
    void aBodyWhoseItemsComeBeforeItsHeaderIsReadWhole() {
        String body = "{\"items\":[{\"id\":\"r1\"}],\"batchId\":\"b4\",\"module\":\"CLS\",\"kind\":\"LOGS\"}";
        batches.forward("dest", "m", body.getBytes(), "b4", 1);

        QueuedBatch queued = batches.open(queues.sent());

        assertThat(queued.header().batchId()).isEqualTo("b4");
        assertThat(queued.records().next()).containsEntry("id", "r1");
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
        QueuedBatch opened = batches.open(old);
        assertThat(opened.header()).isEqualTo(QueuedBatch.withoutItems(batch));
        assertThat(opened.records().next()).isEqualTo(batch.items().get(0));
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
