package io.cloudexchange.core.messaging;

import java.util.Map;
import java.util.Properties;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

/** {@link DurableQueues} on the platform's broker connection; sends share the batches' confirmed sender. */
class AmqpDurableQueues implements DurableQueues {

    private final ConnectionFactory connectionFactory;
    private final RabbitAdmin admin;
    private final ConfirmedSender sender;
    private final boolean quorum;

    AmqpDurableQueues(ConnectionFactory connectionFactory, RabbitAdmin admin, ConfirmedSender sender, boolean quorum) {
        this.connectionFactory = connectionFactory;
        this.admin = admin;
        this.sender = sender;
        this.quorum = quorum;
    }

    @Override
    public void declare(String queue) {
        QueueBuilder builder = QueueBuilder.durable(queue);
        if (quorum) {
            builder.quorum();
        }
        admin.declareQueue(builder.build());
    }

    @Override
    public void send(String queue, byte[] body, Map<String, Object> headers) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setContentEncoding("UTF-8");
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        headers.forEach(properties::setHeader);
        sender.send("", queue, new Message(body, properties));
    }

    @Override
    public long depth(String queue) {
        Properties properties = admin.getQueueProperties(queue);
        if (properties == null) {
            return 0;
        }
        Object count = properties.get(RabbitAdmin.QUEUE_MESSAGE_COUNT);
        return count instanceof Number number ? number.longValue() : 0;
    }

    @Override
    public Consumer consume(String queue, int prefetch, ChannelAwareMessageListener listener) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(queue);
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setPrefetchCount(prefetch);
        container.setConcurrentConsumers(1);
        container.setAmqpAdmin(admin);
        container.setMessageListener(listener);
        container.setBeanName("queueConsumer-" + queue);
        container.afterPropertiesSet();
        container.start();
        return () -> {
            container.stop();
            container.destroy();
        };
    }
}
