package io.cloudexchange.core.messaging;

import java.util.Map;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

/**
 * Durable queues other than the module work queues (e.g. one per Log Shipper destination): declared on
 * demand, written with broker confirms and consumed with manual acknowledgement.
 */
public interface DurableQueues {

    /** Declares the durable queue if it does not exist yet (idempotent). */
    void declare(String queue);

    /**
     * Sends one persistent message to the queue through the default exchange and returns only after the
     * broker confirmed it.
     *
     * @throws org.springframework.amqp.AmqpException when the broker did not take it
     */
    void send(String queue, byte[] body, Map<String, Object> headers);

    /** Messages ready in the queue (not counting those delivered and not yet acknowledged); 0 when it does not exist. */
    long depth(String queue);

    /** Starts one consumer with manual acknowledgement and the given prefetch; stop it with {@link Consumer#stop()}. */
    Consumer consume(String queue, int prefetch, ChannelAwareMessageListener listener);

    interface Consumer {
        void stop();
    }
}
