package io.cloudexchange.core.messaging;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;

/**
 * A batch as it came off its module's queue: the message body, the headers it was published with, and its
 * decoded form on demand (decoded at most once). Lets a handler that only forwards batches pass the body on
 * without parsing and re-writing every record.
 */
public final class ReceivedBatch {

    private final Message message;
    private final BatchMessageCodec codec;
    private BatchMessage decoded;

    ReceivedBatch(Message message, BatchMessageCodec codec) {
        this.message = message;
        this.codec = codec;
    }

    /** The JSON of the {@link BatchMessage}, as published. */
    public byte[] body() {
        return message.getBody();
    }

    /** @throws UnreadableBatchException when the body is not a batch */
    public BatchMessage decode() {
        if (decoded == null) {
            try {
                decoded = codec.decode(message);
            } catch (RuntimeException e) {
                throw new UnreadableBatchException(e);
            }
        }
        return decoded;
    }

    public String batchId() {
        String id = header(BatchHeaders.BATCH_ID);
        return id != null ? id : decode().batchId();
    }

    public String configurationId() {
        String id = header(BatchHeaders.CONFIGURATION_ID);
        return id != null ? id : decode().configurationId();
    }

    public BatchMessage.Kind kind() {
        String kind = header(BatchHeaders.KIND);
        if (kind != null) {
            try {
                return BatchMessage.Kind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                // a header from another version: the body says
            }
        }
        return decode().kind();
    }

    public int itemCount() {
        Object count = message.getMessageProperties().getHeaders().get(BatchHeaders.ITEM_COUNT);
        return count instanceof Number number ? number.intValue() : decode().items().size();
    }

    /** The one SIEM mapping a historical pull's batch is for, or null for a live batch (every mapping of its source). */
    public String targetMappingId() {
        return header(BatchHeaders.TARGET_MAPPING_ID);
    }

    /** A message id for logs, without decoding. */
    String messageId() {
        MessageProperties properties = message.getMessageProperties();
        return properties.getMessageId();
    }

    private String header(String name) {
        Object value = message.getMessageProperties().getHeaders().get(name);
        return value == null ? null : value.toString();
    }

    /** The body of a received message is not a batch this platform can read. */
    public static final class UnreadableBatchException extends RuntimeException {
        UnreadableBatchException(Throwable cause) {
            super("unreadable batch: " + cause.getMessage(), cause);
        }
    }
}
