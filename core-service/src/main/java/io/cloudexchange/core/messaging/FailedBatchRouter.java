package io.cloudexchange.core.messaging;

import io.cloudexchange.plugin.api.PlatformModule;
import java.time.Clock;
import java.time.Duration;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;

/** Moves a batch its handler could not process to a delay queue (retry later) or to the dead-letter queue. */
class FailedBatchRouter {

    private static final int MAX_REASON_LENGTH = 1_000;

    private final ConfirmedSender sender;
    private final Clock clock;

    FailedBatchRouter(ConfirmedSender sender, Clock clock) {
        this.sender = sender;
        this.clock = clock;
    }

    /** @return the delay after which the batch is back in the work queue */
    Duration retryLater(PlatformModule module, Message received) {
        Message retry = BatchMessageCodec.copyForRepublish(received);
        int attempt = attempts(received) + 1;
        retry.getMessageProperties().setHeader(BatchHeaders.ATTEMPTS, attempt);
        Duration delay = RetryBackoff.delayBefore(attempt);
        // the default exchange routes by queue name
        sender.send("", BatchTopology.retryQueue(module, delay), retry);
        return delay;
    }

    void deadLetter(PlatformModule module, Message received, Throwable failure) {
        Message dead = BatchMessageCodec.copyForRepublish(received);
        MessageProperties properties = dead.getMessageProperties();
        properties.setHeader(BatchHeaders.FAILURE_EXCEPTION, failure.getClass().getName());
        properties.setHeader(BatchHeaders.FAILURE_REASON, reason(failure));
        properties.setHeader(BatchHeaders.FAILED_AT, clock.instant().toString());
        sender.send(BatchTopology.DEAD_LETTER_EXCHANGE, BatchTopology.routingKey(module), dead);
    }

    static int attempts(Message message) {
        Object attempts = message.getMessageProperties().getHeaders().get(BatchHeaders.ATTEMPTS);
        return attempts instanceof Number number ? number.intValue() : 0;
    }

    private static String reason(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        return message.length() > MAX_REASON_LENGTH ? message.substring(0, MAX_REASON_LENGTH) : message;
    }
}
