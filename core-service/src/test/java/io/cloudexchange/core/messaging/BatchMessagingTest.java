package io.cloudexchange.core.messaging;

import io.cloudexchange.core.testsupport.EmbeddedInfrastructure;
import io.cloudexchange.core.testsupport.TestBrokers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Round trip through a local RabbitMQ when it is reachable, otherwise through the embedded broker. The
 * context is closed after the class so its consumers never take batches published by another test's
 * context on the same shared broker.
 */
@SpringBootTest
@DirtiesContext
@EmbeddedInfrastructure
class BatchMessagingTest extends BatchMessagingContract {

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) {
        registry.add("cloudexchange.rabbitmq.uri", TestBrokers::freshLocalRabbitMqOrEmbedded);
    }
}
