package io.cloudexchange.core.messaging;

import io.cloudexchange.core.config.CloudExchangeProperties;
import io.cloudexchange.plugin.api.PlatformModule;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * One listener container per module that has a {@link BatchHandler}, so a slow or retrying module never
 * holds up another. A module without a handler gets no consumer: its batches wait in its queue.
 */
class BatchListenerContainers implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BatchListenerContainers.class);

    private final List<SimpleMessageListenerContainer> containers = new ArrayList<>();
    private volatile boolean running;

    BatchListenerContainers(List<BatchHandler> handlers, ConnectionFactory connectionFactory, AmqpAdmin admin,
                            CloudExchangeProperties.Messaging settings, BatchMessageCodec codec,
                            FailedBatchRouter router, MeterRegistry meters) {
        Map<PlatformModule, BatchHandler> byModule = byModule(handlers);
        for (PlatformModule module : PlatformModule.values()) {
            BatchHandler handler = byModule.get(module);
            if (handler == null) {
                log.info("No batch handler for module {}: its batches stay queued in {}", module, BatchTopology.queue(module));
                continue;
            }
            SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
            container.setQueueNames(BatchTopology.queue(module));
            container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
            container.setPrefetchCount(settings.prefetch());
            container.setConcurrentConsumers(settings.consumers());
            container.setAmqpAdmin(admin);
            container.setMessageListener(new BatchDeliveryListener(handler, codec, router, meters));
            container.setBeanName("batchListener-" + BatchTopology.routingKey(module));
            container.afterPropertiesSet();
            containers.add(container);
        }
    }

    private static Map<PlatformModule, BatchHandler> byModule(List<BatchHandler> handlers) {
        Map<PlatformModule, BatchHandler> byModule = new EnumMap<>(PlatformModule.class);
        for (BatchHandler handler : handlers) {
            BatchHandler previous = byModule.putIfAbsent(handler.module(), handler);
            if (previous != null) {
                throw new IllegalStateException("two batch handlers for module " + handler.module() + ": "
                        + previous.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
        return byModule;
    }

    @Override
    public void start() {
        containers.forEach(SimpleMessageListenerContainer::start);
        running = true;
    }

    @Override
    public void stop() {
        containers.forEach(SimpleMessageListenerContainer::stop);
        running = false;
    }

    @Override
    public void destroy() {
        containers.forEach(SimpleMessageListenerContainer::destroy);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Started after everything else and stopped first, so in-flight batches finish before the broker goes. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
