package io.cloudexchange.core.cls.delivery;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cloudexchange.core.testsupport.EmbeddedInfrastructure;
import io.cloudexchange.core.testsupport.PrivateRabbitMq;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link BrokerRestartScenario} on RabbitMQ: a node of the test's own ({@link PrivateRabbitMq}), stopped with
 * {@code rabbitmqctl stop} and started again on the same data. The machine's shared RabbitMQ is never touched.
 */
@SpringBootTest(properties = {
        "cloudexchange.scheduler.tick=1s", "cloudexchange.cls.refresh=200ms",
        "cloudexchange.cls.backoff-initial=100ms", "cloudexchange.cls.backoff-max=1s"})
@DirtiesContext
@EmbeddedInfrastructure
class LogShipperRabbitMqRestartTest extends BrokerRestartScenario {

    private static PrivateRabbitMq broker;

    @BeforeAll
    static void startPrivateNode() throws Exception {
        assumeTrue(PrivateRabbitMq.installed(), "needs the rabbitmq-server package (/usr/lib/rabbitmq/bin) to run a"
                + " RabbitMQ node of its own: the shared one is never restarted");
        broker = PrivateRabbitMq.startFresh();
    }

    @DynamicPropertySource
    static void privateBroker(DynamicPropertyRegistry registry) {
        registry.add("cloudexchange.rabbitmq.uri", () -> broker.uri());
    }

    @AfterAll
    static void removePrivateNode() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Override
    void stopBroker() throws Exception {
        broker.stop();
    }

    @Override
    void startBroker() throws Exception {
        broker.start();
    }
}
