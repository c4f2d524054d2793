package io.cloudexchange.core.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.core.config.CloudExchangeProperties;
import io.cloudexchange.core.embedded.EmbeddedAmqpBroker;
import io.cloudexchange.core.embedded.EmbeddedMongoServer;
import io.cloudexchange.core.messaging.BatchMessage;
import io.cloudexchange.core.messaging.BatchPublisher;
import io.cloudexchange.plugin.api.PlatformModule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
@EmbeddedInfrastructure
class EmbeddedInfrastructureTest {

    @Autowired
    CloudExchangeProperties properties;
    @Autowired
    EmbeddedMongoServer mongo;
    @Autowired
    EmbeddedAmqpBroker broker;
    @Autowired
    BatchPublisher publisher;

    @Test
    void startsBothServersInMemoryOnFreePortsWithATemporaryDataDir() {
        assertThat(properties.embedded().inMemory()).isTrue();
        assertThat(properties.dataDir().toString()).contains("cloudexchange-test-data");
        assertThat(mongo.port()).isPositive().isNotEqualTo(27217);
        assertThat(broker.port()).isPositive().isNotEqualTo(5682);
    }

    @Test
    void inMemoryBrokerAcceptsBatches() {
        publisher.publish(new BatchMessage("b-1", PlatformModule.CRE, "c-1", "p", "default", BatchMessage.Kind.RISK_RECORDS,
                Instant.now(), List.of(Map.of("user", "alice@example.test", "score", 420))));
    }
}
