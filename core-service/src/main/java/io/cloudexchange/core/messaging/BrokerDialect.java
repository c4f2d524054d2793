package io.cloudexchange.core.messaging;

import io.cloudexchange.plugin.api.PlatformModule;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Queue arguments differ between brokers. RabbitMQ dead-letters with {@code x-dead-letter-exchange} and
 * expires with {@code x-message-ttl}; Qpid Broker-J rejects those arguments and instead takes its queue
 * attributes: an alternate binding, message TTL bounds and an expiry policy that routes to the alternate.
 */
enum BrokerDialect {

    RABBITMQ {
        @Override
        Map<String, Object> workQueueArguments(PlatformModule module, boolean quorum) {
            Map<String, Object> arguments = common(quorum);
            arguments.put("x-dead-letter-exchange", BatchTopology.DEAD_LETTER_EXCHANGE);
            return arguments;
        }

        @Override
        Map<String, Object> deadLetterQueueArguments(boolean quorum) {
            return common(quorum);
        }

        @Override
        Map<String, Object> retryQueueArguments(PlatformModule module, Duration delay, boolean quorum) {
            Map<String, Object> arguments = common(quorum);
            arguments.put("x-message-ttl", delay.toMillis());
            arguments.put("x-dead-letter-exchange", BatchTopology.exchange(module));
            arguments.put("x-dead-letter-routing-key", BatchTopology.routingKey(module));
            return arguments;
        }

        private Map<String, Object> common(boolean quorum) {
            Map<String, Object> arguments = new HashMap<>();
            if (quorum) {
                arguments.put("x-queue-type", "quorum");
            }
            return arguments;
        }
    },

    QPID_BROKER_J {
        @Override
        Map<String, Object> workQueueArguments(PlatformModule module, boolean quorum) {
            return new HashMap<>(Map.of("alternateBinding", Map.of("destination", BatchTopology.DEAD_LETTER_EXCHANGE)));
        }

        @Override
        Map<String, Object> deadLetterQueueArguments(boolean quorum) {
            return new HashMap<>();
        }

        @Override
        Map<String, Object> retryQueueArguments(PlatformModule module, Duration delay, boolean quorum) {
            return new HashMap<>(Map.of(
                    "minimumMessageTtl", delay.toMillis(),
                    "maximumMessageTtl", delay.toMillis(),
                    "expiryPolicy", "ROUTE_TO_ALTERNATE",
                    "alternateBinding", Map.of("destination", BatchTopology.queue(module))));
        }
    };

    abstract Map<String, Object> workQueueArguments(PlatformModule module, boolean quorum);

    abstract Map<String, Object> deadLetterQueueArguments(boolean quorum);

    abstract Map<String, Object> retryQueueArguments(PlatformModule module, Duration delay, boolean quorum);
}
