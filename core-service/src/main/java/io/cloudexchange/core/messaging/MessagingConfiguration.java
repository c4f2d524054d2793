package io.cloudexchange.core.messaging;

import io.cloudexchange.core.config.CloudExchangeProperties;
import io.cloudexchange.plugin.api.PlatformModule;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    /** The embedded broker is Qpid Broker-J; a configured {@code cloudexchange.rabbitmq.uri} is RabbitMQ. */
    @Bean
    BrokerDialect brokerDialect(CloudExchangeProperties properties) {
        return properties.rabbitmq().isEmbedded() ? BrokerDialect.QPID_BROKER_J : BrokerDialect.RABBITMQ;
    }

    @Bean
    Declarables batchTopology(BrokerDialect dialect, CloudExchangeProperties properties) {
        boolean quorum = properties.messaging().quorumQueues();
        DirectExchange deadLetterExchange = new DirectExchange(BatchTopology.DEAD_LETTER_EXCHANGE, true, false);
        List<Declarable> declarables = new ArrayList<>(List.of(deadLetterExchange));
        for (PlatformModule module : PlatformModule.values()) {
            DirectExchange exchange = new DirectExchange(BatchTopology.exchange(module), true, false);
            Queue work = QueueBuilder.durable(BatchTopology.queue(module))
                    .withArguments(dialect.workQueueArguments(module, quorum)).build();
            Queue dead = QueueBuilder.durable(BatchTopology.deadLetterQueue(module))
                    .withArguments(dialect.deadLetterQueueArguments(quorum)).build();
            declarables.addAll(List.of(exchange, work, dead,
                    bind(work, exchange, module), bind(dead, deadLetterExchange, module)));
            for (Duration delay : RetryBackoff.STEPS) {
                declarables.add(QueueBuilder.durable(BatchTopology.retryQueue(module, delay))
                        .withArguments(dialect.retryQueueArguments(module, delay, quorum)).build());
            }
        }
        return new Declarables(declarables);
    }

    private static Binding bind(Queue queue, DirectExchange exchange, PlatformModule module) {
        return BindingBuilder.bind(queue).to(exchange).with(BatchTopology.routingKey(module));
    }

    @Bean
    BatchMessageCodec batchMessageCodec(JsonMapper jsonMapper) {
        return new BatchMessageCodec(jsonMapper);
    }

    @Bean
    ConfirmedSender confirmedSender(CachingConnectionFactory connectionFactory, RabbitConnectionDetails connectionDetails,
                                    AmqpAdmin admin, CloudExchangeProperties properties) {
        return new ConfirmedSender(connectionFactory, connectionDetails.getAddresses(), admin,
                properties.messaging().confirmTimeout(), null);
    }

    @Bean
    BatchPublisher batchPublisher(ConfirmedSender sender, BatchMessageCodec codec, MeterRegistry meters) {
        return new AmqpBatchPublisher(sender, codec, meters);
    }

    @Bean
    FailedBatchRouter failedBatchRouter(ConfirmedSender sender, Clock clock) {
        return new FailedBatchRouter(sender, clock);
    }

    @Bean
    DurableQueues durableQueues(CachingConnectionFactory connectionFactory, ConfirmedSender sender,
                                CloudExchangeProperties properties) {
        return new AmqpDurableQueues(connectionFactory, new RabbitAdmin(connectionFactory), sender,
                properties.messaging().quorumQueues());
    }

    @Bean
    BatchListenerContainers batchListenerContainers(ObjectProvider<BatchHandler> handlers,
                                                    CachingConnectionFactory connectionFactory, AmqpAdmin admin,
                                                    CloudExchangeProperties properties, BatchMessageCodec codec,
                                                    FailedBatchRouter router, MeterRegistry meters) {
        return new BatchListenerContainers(handlers.orderedStream().toList(), connectionFactory, admin,
                properties.messaging(), codec, router, meters);
    }
}
