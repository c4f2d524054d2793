package io.cloudexchange.core.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.plugin.api.PlatformModule;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchTopologyTest {

    @Test
    void namesFollowTheModule() {
        assertThat(BatchTopology.exchange(PlatformModule.CTE)).isEqualTo("ce.cte");
        assertThat(BatchTopology.queue(PlatformModule.CTE)).isEqualTo("ce.cte.batches");
        assertThat(BatchTopology.deadLetterQueue(PlatformModule.CLS)).isEqualTo("ce.cls.dead");
        assertThat(BatchTopology.retryQueue(PlatformModule.CRE, Duration.ofSeconds(25))).isEqualTo("ce.cre.retry.25s");
    }

    @Test
    void retryDelaysGrowExponentiallyUpToACap() {
        assertThat(RetryBackoff.STEPS).extracting(Duration::toSeconds).containsExactly(1L, 5L, 25L, 125L, 300L);
        assertThat(RetryBackoff.delayBefore(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RetryBackoff.delayBefore(4)).isEqualTo(Duration.ofSeconds(125));
        assertThat(RetryBackoff.delayBefore(40)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void rabbitMqQueuesDeadLetterThroughArgumentsAndMayBeQuorum() {
        assertThat(BrokerDialect.RABBITMQ.workQueueArguments(PlatformModule.CTE, true))
                .containsEntry("x-dead-letter-exchange", "ce.dlx")
                .containsEntry("x-queue-type", "quorum");
        assertThat(BrokerDialect.RABBITMQ.retryQueueArguments(PlatformModule.CTE, Duration.ofSeconds(5), false))
                .containsEntry("x-message-ttl", 5000L)
                .containsEntry("x-dead-letter-exchange", "ce.cte")
                .containsEntry("x-dead-letter-routing-key", "cte")
                .doesNotContainKey("x-queue-type");
    }

    @Test
    void brokerJQueuesUseAlternateBindingsAndExpiryRouting() {
        assertThat(BrokerDialect.QPID_BROKER_J.workQueueArguments(PlatformModule.CTE, true))
                .containsOnlyKeys("alternateBinding");
        assertThat(BrokerDialect.QPID_BROKER_J.retryQueueArguments(PlatformModule.CTE, Duration.ofSeconds(5), false))
                .containsEntry("maximumMessageTtl", 5000L)
                .containsEntry("expiryPolicy", "ROUTE_TO_ALTERNATE")
                .containsEntry("alternateBinding", Map.of("destination", "ce.cte.batches"));
    }
}
