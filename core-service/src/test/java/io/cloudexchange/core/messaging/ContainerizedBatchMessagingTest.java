package io.cloudexchange.core.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.core.migrations.AppliedMigration;
import io.cloudexchange.core.testsupport.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.rabbitmq.RabbitMQContainer;

/** Publish, consume and persist against real MongoDB and RabbitMQ (quorum queues); skipped without Docker. */
@SpringBootTest
@EmbeddedInfrastructure
@TestPropertySource(properties = "cloudexchange.messaging.quorum-queues=true")
@Testcontainers(disabledWithoutDocker = true)
class ContainerizedBatchMessagingTest extends BatchMessagingContract {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");
    @Container
    static final RabbitMQContainer RABBIT = new RabbitMQContainer("rabbitmq:4.1");

    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("cloudexchange.mongodb.uri", () -> MONGO.getReplicaSetUrl("cloudexchange"));
        registry.add("cloudexchange.rabbitmq.uri", () -> "amqp://" + RABBIT.getAdminUsername() + ":"
                + RABBIT.getAdminPassword() + "@" + RABBIT.getHost() + ":" + RABBIT.getAmqpPort() + "/");
    }

    @Test
    void schemaMigrationsArePersistedInMongoDb() {
        assertThat(mongo.findAll(AppliedMigration.class)).extracting(AppliedMigration::version).startsWith(1, 2);
        assertThat(mongo.indexOps("platform_logs").getIndexInfo())
                .extracting(IndexInfo::getName)
                .contains("createdAt_desc", "level_createdAt_desc", "errorCode_createdAt_desc", "source_createdAt_desc");
    }
}
