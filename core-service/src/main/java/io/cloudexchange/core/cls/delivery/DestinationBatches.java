package io.cloudexchange.core.cls.delivery;

import io.cloudexchange.core.messaging.BatchMessage;
import io.cloudexchange.core.messaging.DurableQueues;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.amqp.core.Message;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes and reads the per-destination queues. */
@Component
class DestinationBatches {

    static final String MAPPING_HEADER = "x-ce-siem-mapping";
    /**
     * On messages whose body is the pulled batch itself (the mapping id in {@link #MAPPING_HEADER}); without it
     * the body is a {@link DestinationBatch}, as queued by earlier versions.
     */
    static final String BODY_HEADER = "x-ce-body";
    static final String BODY_BATCH = "batch";

    private final DurableQueues queues;
    private final JsonMapper json;
    private final BatchBodyReader bodies;
    private final Set<String> declared = ConcurrentHashMap.newKeySet();

    DestinationBatches(DurableQueues queues, JsonMapper json) {
        this.queues = queues;
        this.json = json;
        this.bodies = new BatchBodyReader(json);
    }

    /** Returns once the broker confirmed the batch in the destination's queue. */
    void send(String destinationConfigurationId, DestinationBatch batch) {
        forward(destinationConfigurationId, batch.mappingId(), json.writeValueAsBytes(batch.batch()),
                batch.batch().batchId(), batch.batch().items().size());
    }

    /**
     * Queues a batch's JSON as it came from the module queue, for one SIEM mapping; returns once the broker
     * confirmed it.
     */
    void forward(String destinationConfigurationId, String mappingId, byte[] batchJson, String batchId, int items) {
        String queue = declare(destinationConfigurationId);
        queues.send(queue, batchJson, Map.of(MAPPING_HEADER, mappingId, BODY_HEADER, BODY_BATCH,
                "x-ce-batch-id", batchId, "x-ce-items", items));
    }

    /** Reads a queued message: its header now, its records as the caller goes (see {@link QueuedBatch}). */
    QueuedBatch open(Message message) {
        Map<String, Object> headers = message.getMessageProperties().getHeaders();
        if (BODY_BATCH.equals(String.valueOf(headers.get(BODY_HEADER))) && headers.get(MAPPING_HEADER) != null) {
            QueuedBatch streamed = bodies.read(headers.get(MAPPING_HEADER).toString(), message.getBody());
            if (streamed != null) {
                return streamed;
            }
        }
        return QueuedBatch.of(decode(message));
    }

    /** Reads a queued message whole. */
    DestinationBatch decode(Message message) {
        Map<String, Object> headers = message.getMessageProperties().getHeaders();
        if (BODY_BATCH.equals(String.valueOf(headers.get(BODY_HEADER))) && headers.get(MAPPING_HEADER) != null) {
            return new DestinationBatch(headers.get(MAPPING_HEADER).toString(),
                    json.readValue(message.getBody(), BatchMessage.class));
        }
        return json.readValue(message.getBody(), DestinationBatch.class);
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
