package io.cloudexchange.core.messaging;

import java.util.Date;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import tools.jackson.databind.json.JsonMapper;

/** One batch as one persistent JSON message. */
class BatchMessageCodec {

    private final JsonMapper jsonMapper;

    BatchMessageCodec(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    Message encode(BatchMessage batch) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setContentEncoding("UTF-8");
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setMessageId(batch.batchId());
        properties.setType(batch.kind().name());
        if (batch.createdAt() != null) {
            properties.setTimestamp(Date.from(batch.createdAt()));
        }
        properties.setHeader(BatchHeaders.MODULE, batch.module().name());
        properties.setHeader(BatchHeaders.BATCH_ID, batch.batchId());
        properties.setHeader(BatchHeaders.KIND, batch.kind().name());
        properties.setHeader(BatchHeaders.ITEM_COUNT, batch.items().size());
        if (batch.configurationId() != null) {
            properties.setHeader(BatchHeaders.CONFIGURATION_ID, batch.configurationId());
        }
        if (batch.pluginId() != null) {
            properties.setHeader(BatchHeaders.PLUGIN_ID, batch.pluginId());
        }
        if (batch.targetMappingId() != null) {
            properties.setHeader(BatchHeaders.TARGET_MAPPING_ID, batch.targetMappingId());
        }
        return new Message(jsonMapper.writeValueAsBytes(batch), properties);
    }

    BatchMessage decode(Message message) {
        return jsonMapper.readValue(message.getBody(), BatchMessage.class);
    }

    /**
     * A fresh persistent copy of a received batch for re-publishing: the body, the content properties and
     * this platform's headers, but none of the broker's bookkeeping headers (e.g. RabbitMQ's x-death).
     */
    static Message copyForRepublish(Message received) {
        MessageProperties source = received.getMessageProperties();
        MessageProperties copy = new MessageProperties();
        copy.setContentType(source.getContentType());
        copy.setContentEncoding(source.getContentEncoding());
        copy.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        copy.setMessageId(source.getMessageId());
        copy.setType(source.getType());
        copy.setTimestamp(source.getTimestamp());
        source.getHeaders().forEach((name, value) -> {
            if (name.startsWith(BatchHeaders.PREFIX)) {
                copy.setHeader(name, value);
            }
        });
        return new Message(received.getBody(), copy);
    }
}
