package io.cloudexchange.core.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Platform settings under {@code cloudexchange.*}. Environment variables bind by Spring's relaxed
 * rules, e.g. {@code CLOUDEXCHANGE_MONGODB_URI}.
 *
 * @param dataDir runtime state: embedded stores, secrets, custom plugins, logs
 * @param mongodb MongoDB connection; empty URI starts the embedded MongoDB-wire server
 * @param rabbitmq RabbitMQ connection; empty URI starts the embedded AMQP broker
 * @param embedded ports of the embedded servers (loopback only)
 * @param messaging queue settings
 * @param scheduler pull scheduling
 */
@ConfigurationProperties("cloudexchange")
public record CloudExchangeProperties(
        @DefaultValue("data") Path dataDir,
        @DefaultValue Mongodb mongodb,
        @DefaultValue Rabbitmq rabbitmq,
        @DefaultValue Embedded embedded,
        @DefaultValue Messaging messaging,
        @DefaultValue Scheduler scheduler) {

    /** @param uri e.g. {@code mongodb://user:pw@host:27017/cloudexchange}; empty = embedded */
    public record Mongodb(@DefaultValue("") String uri, @DefaultValue("cloudexchange") String database) {
        public boolean isEmbedded() {
            return uri == null || uri.isBlank();
        }
    }

    /** @param uri e.g. {@code amqp://user:pw@host:5672/}; empty = embedded */
    public record Rabbitmq(@DefaultValue("") String uri) {
        public boolean isEmbedded() {
            return uri == null || uri.isBlank();
        }
    }

    /**
     * @param mongoPort port of the embedded MongoDB-wire server (0 = any free port)
     * @param amqpPort port of the embedded AMQP broker (0 = any free port)
     * @param inMemory keep embedded state in memory only (tests)
     * @param mongoCacheMb heap (MB) for the embedded store's page cache (pages of BSON documents)
     */
    public record Embedded(@DefaultValue("27217") int mongoPort, @DefaultValue("5682") int amqpPort,
                           @DefaultValue("false") boolean inMemory, @DefaultValue("16") int mongoCacheMb) {
    }

    /**
     * @param quorumQueues declare quorum queues (RabbitMQ clusters) instead of classic durable queues
     * @param prefetch unacknowledged batches per consumer
     * @param consumers concurrent consumers per module queue
     * @param confirmTimeout how long a publish waits for the broker's confirm
     */
    public record Messaging(@DefaultValue("false") boolean quorumQueues, @DefaultValue("2") int prefetch,
                            @DefaultValue("1") int consumers, @DefaultValue("30s") Duration confirmTimeout) {
    }

    /**
     * @param tick how often the scheduler looks for due configurations
     * @param maxPagesPerRun pages pulled per stream of a configuration in one run before yielding to others
     * @param streamsInParallel how many streams of one configuration (e.g. Log Shipper alert and event types)
     *                          one run pulls at the same time; 1 pulls them one after the other
     * @param lockAtMostFor upper bound of a pull lock if a node dies while holding it
     */
    public record Scheduler(@DefaultValue("5s") Duration tick, @DefaultValue("50") int maxPagesPerRun,
                            @DefaultValue("10m") Duration lockAtMostFor, @DefaultValue("4") int streamsInParallel) {
    }
}
