package io.cloudexchange.core.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.cloudexchange.core.migrations.AppliedMigration;
import io.cloudexchange.core.testsupport.EmbeddedInfrastructure;
import io.cloudexchange.plugin.api.PlatformModule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** The same round trip on the embedded Qpid Broker-J, with its durable Derby store and the durable H2 Mongo store. */
@SpringBootTest
@EmbeddedInfrastructure
@TestPropertySource(properties = "cloudexchange.embedded.in-memory=false")
class EmbeddedBrokerBatchMessagingTest extends BatchMessagingContract {

    @Autowired
    ConfirmedSender sender;
    @Autowired
    CachingConnectionFactory connectionFactory;
    @Autowired
    RabbitConnectionDetails connectionDetails;
    @Autowired
    AmqpAdmin admin;
    @Autowired
    JsonMapper jsonMapper;
    @Autowired
    MongoTemplate mongo;

    @Test
    void brokerJConfirmsPublishes() {
        assertThat(sender.guarantee()).isEqualTo(DeliveryGuarantee.PUBLISHER_CONFIRMS);
    }

    @Test
    void transactionalFallbackDeliversToo() {
        ConfirmedSender transactional = new ConfirmedSender(connectionFactory, connectionDetails.getAddresses(), admin,
                Duration.ofSeconds(10), DeliveryGuarantee.TRANSACTIONS);
        try {
            BatchMessage batch = TestBatches.batch(PlatformModule.CTE);
            new AmqpBatchPublisher(transactional, new BatchMessageCodec(jsonMapper), new SimpleMeterRegistry())
                    .publish(batch);

            await().atMost(Duration.ofSeconds(30)).until(() -> cteHandler.hasHandled(batch.batchId()));
        } finally {
            transactional.destroy();
        }
    }

    @Test
    void schemaMigrationsRanBeforeStartupCompleted() {
        assertThat(mongo.findAll(AppliedMigration.class))
                .extracting(AppliedMigration::version, AppliedMigration::description)
                .startsWith(tuple(1, "indexes for plugin_configurations, platform_logs and settings"),
                        tuple(2, "indexes for indicators, cto_alerts and cre_records"));
        assertThat(mongo.indexOps("plugin_configurations").getIndexInfo())
                .anySatisfy(index -> assertThat(index.getName()).isEqualTo("name"));
    }
}
