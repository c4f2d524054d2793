package io.cloudexchange.core.messaging;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.springframework.amqp.AmqpConnectException;

/** How the broker tells a publisher that a message is stored. */
enum DeliveryGuarantee {

    /** Publisher confirms ({@code confirm.select}): RabbitMQ and Broker-J. */
    PUBLISHER_CONFIRMS,
    /** AMQP transactions ({@code tx.select}/{@code tx.commit}): any 0-9-1 broker. */
    TRANSACTIONS;

    /** Asks the broker on a throw-away connection whether it accepts {@code confirm.select}. */
    static DeliveryGuarantee probe(ConnectionFactory factory) {
        Connection connection;
        try {
            connection = factory.newConnection("cloudexchange-confirm-probe");
        } catch (IOException | TimeoutException e) {
            throw new AmqpConnectException(new IOException("cannot reach the AMQP broker", e));
        }
        try {
            Channel channel = connection.createChannel();
            channel.confirmSelect();
            return PUBLISHER_CONFIRMS;
        } catch (IOException | ShutdownSignalException e) {
            return TRANSACTIONS;
        } finally {
            connection.abort();
        }
    }
}
