package io.cloudexchange.core.cls.delivery;

import io.cloudexchange.core.messaging.DurableQueues;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes and reads the per-destination queues. */
@Component
class DestinationBatches {

    static final String MAPPING_HEADER = "x-ce-siem-mapping";

    private final DurableQueues queues;
    private final JsonMapper json;
    private final Set<String> declared = ConcurrentHashMap.newKeySet();

    DestinationBatches(DurableQueues queues, JsonMapper json) {
        this.queues = queues;
        this.json = json;
    }

    /** Returns once the broker confirmed the batch in the destination's queue. */
    void send(String destinationConfigurationId, DestinationBatch batch) {
        String queue = declare(destinationConfigurationId);
        queues.send(queue, json.writeValueAsBytes(batch), Map.of(MAPPING_HEADER, batch.mappingId(),
                "x-ce-batch-id", batch.batch().batchId(), "x-ce-items", batch.batch().items().size()));
    }

    DestinationBatch decode(byte[] body) {
        return json.readValue(body, DestinationBatch.class);
    }

    long depth(String destinationConfigurationId) {
        return queues.depth(declare(destinationConfigurationId));
    }

    String declare(String destinationConfigurationId) {
        String queue = DestinationBatch.queue(destinationConfigurationId);
        if (!declared.contains(queue)) {
            queues.declare(queue);
            declared.add(queue);
        }
        return queue;
    }

    /** After a broker restart without persistent definitions the queue may need declaring again. */
    void forget(String destinationConfigurationId) {
        declared.remove(DestinationBatch.queue(destinationConfigurationId));
    }
}
