package io.cloudexchange.core.messaging;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails;

/**
 * Sends a message and returns only once the broker has taken responsibility for it: a publisher confirm
 * when the broker supports confirms, otherwise a committed transaction. Uses its own connection so
 * publisher flow control never stalls consumers, and declares the topology before its first send so a
 * message can never be dropped for lack of a queue.
 */
class ConfirmedSender implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConfirmedSender.class);

    private final CachingConnectionFactory sharedConnectionFactory;
    private final List<RabbitConnectionDetails.Address> addresses;
    private final AmqpAdmin admin;
    private final Duration confirmTimeout;
    private final DeliveryGuarantee forcedGuarantee;
    private volatile Delivery delivery;

    ConfirmedSender(CachingConnectionFactory sharedConnectionFactory, List<RabbitConnectionDetails.Address> addresses,
                    AmqpAdmin admin, Duration confirmTimeout, DeliveryGuarantee forcedGuarantee) {
        this.sharedConnectionFactory = sharedConnectionFactory;
        this.addresses = addresses;
        this.admin = admin;
        this.confirmTimeout = confirmTimeout;
        this.forcedGuarantee = forcedGuarantee;
    }

    /** @throws org.springframework.amqp.AmqpException when the broker did not take the message */
    void send(String exchange, String routingKey, Message message) {
        delivery().send(exchange, routingKey, message);
    }

    DeliveryGuarantee guarantee() {
        return delivery().guarantee();
    }

    private Delivery delivery() {
        Delivery current = delivery;
        if (current == null) {
            synchronized (this) {
                current = delivery;
                if (current == null) {
                    current = open();
                    delivery = current;
                }
            }
        }
        return current;
    }

    private Delivery open() {
        admin.initialize();
        DeliveryGuarantee guarantee = forcedGuarantee != null
                ? forcedGuarantee
                : DeliveryGuarantee.probe(sharedConnectionFactory.getRabbitConnectionFactory());
        CachingConnectionFactory connectionFactory = new CachingConnectionFactory(sharedConnectionFactory.getRabbitConnectionFactory());
        connectionFactory.setAddresses(addresses.stream()
                .map(address -> address.host() + ":" + address.port())
                .collect(Collectors.joining(",")));
        connectionFactory.setConnectionNameStrategy(factory -> "cloudexchange-publisher");
        RabbitTemplate template = new RabbitTemplate(connectionFactory);
        if (guarantee == DeliveryGuarantee.PUBLISHER_CONFIRMS) {
            connectionFactory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.SIMPLE);
        } else {
            template.setChannelTransacted(true);
        }
        log.info("Publishing with delivery guarantee {}", guarantee);
        return new Delivery(guarantee, connectionFactory, template, confirmTimeout);
    }

    @Override
    public void destroy() {
        Delivery current = delivery;
        if (current != null) {
            current.connectionFactory().destroy();
        }
    }

    private record Delivery(DeliveryGuarantee guarantee, CachingConnectionFactory connectionFactory,
                            RabbitTemplate template, Duration confirmTimeout) {

        void send(String exchange, String routingKey, Message message) {
            if (guarantee == DeliveryGuarantee.TRANSACTIONS) {
                // a transacted template commits before returning when no outer transaction is active
                template.send(exchange, routingKey, message);
                return;
            }
            template.invoke(operations -> {
                operations.send(exchange, routingKey, message);
                operations.waitForConfirmsOrDie(confirmTimeout.toMillis());
                return null;
            });
        }
    }
}
