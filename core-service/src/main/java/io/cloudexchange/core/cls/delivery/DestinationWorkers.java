package io.cloudexchange.core.cls.delivery;

import io.cloudexchange.core.cls.siem.SiemMapping;
import io.cloudexchange.core.cls.siem.SiemMappingRepository;
import io.cloudexchange.core.messaging.ConditionalOnWorkers;
import io.cloudexchange.core.messaging.DurableQueues;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * One consumer per destination that a SIEM mapping names, so a slow or failing destination never holds
 * up another. Kept in line with the mappings every {@code cloudexchange.cls.refresh}.
 */
@Component
@ConditionalOnWorkers
class DestinationWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DestinationWorkers.class);
    private static final int PREFETCH = 1;

    private final SiemMappingRepository mappings;
    private final DestinationBatches batches;
    private final BatchDelivery delivery;
    private final DurableQueues queues;
    private final ClsProperties properties;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private ScheduledExecutorService refresher;

    DestinationWorkers(SiemMappingRepository mappings, DestinationBatches batches, BatchDelivery delivery,
                       DurableQueues queues, ClsProperties properties) {
        this.mappings = mappings;
        this.batches = batches;
        this.delivery = delivery;
        this.queues = queues;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cls-destination-workers");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refresh, 0, properties.refresh().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts consumers for new destinations and stops those no mapping names any more. */
    void refresh() {
        try {
            Set<String> wanted = mappings.findAll().stream().map(SiemMapping::destinationConfigurationId)
                    .collect(Collectors.toSet());
            for (String destination : wanted) {
                running.computeIfAbsent(destination, this::startWorker);
            }
            running.keySet().stream().filter(destination -> !wanted.contains(destination)).toList()
                    .forEach(destination -> running.remove(destination).stop());
        } catch (RuntimeException e) {
            log.warn("Could not refresh the Log Shipper destination workers: {}", e.toString());
        }
    }

    Set<String> destinations() {
        return Set.copyOf(running.keySet());
    }

    private Running startWorker(String destination) {
        String queue = batches.declare(destination);
        DestinationWorker worker = new DestinationWorker(destination, batches, delivery);
        log.info("Starting the Log Shipper worker of destination {} on queue {}", destination, queue);
        return new Running(worker, queues.consume(queue, PREFETCH, worker));
    }

    @Override
    public synchronized void stop() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
        running.values().forEach(Running::stop);
        running.clear();
    }

    @Override
    public boolean isRunning() {
        return refresher != null && !refresher.isShutdown();
    }

    /** Starts after the broker topology and stops before it, like the module workers. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private record Running(DestinationWorker worker, DurableQueues.Consumer consumer) {
        void stop() {
            worker.stop();
            consumer.stop();
        }
    }
}
