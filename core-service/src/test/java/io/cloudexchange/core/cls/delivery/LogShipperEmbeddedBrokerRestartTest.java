package io.cloudexchange.core.cls.delivery;

import io.cloudexchange.core.config.CloudExchangeProperties;
import io.cloudexchange.core.embedded.EmbeddedAmqpBroker;
import io.cloudexchange.core.embedded.EmbeddedBrokerRestarts;
import io.cloudexchange.core.testsupport.EmbeddedInfrastructure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link BrokerRestartScenario} on the platform's embedded broker (Qpid Broker-J) with its durable store: stopped
 * in-process and started again on the same store and port, as when the core restarts it.
 */
@SpringBootTest(properties = {
        "cloudexchange.scheduler.tick=1s", "cloudexchange.cls.refresh=200ms",
        "cloudexchange.cls.backoff-initial=100ms", "cloudexchange.cls.backoff-max=1s",
        "cloudexchange.embedded.in-memory=false"})
@DirtiesContext
@EmbeddedInfrastructure
class LogShipperEmbeddedBrokerRestartTest extends BrokerRestartScenario {

    @Autowired
    private EmbeddedAmqpBroker broker;
    @Autowired
    private CloudExchangeProperties properties;
    private EmbeddedAmqpBroker restarted;

    /** A fixed free port, so the restarted broker is where the platform's connections look for it. */
    @DynamicPropertySource
    static void brokerPort(DynamicPropertyRegistry registry) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = socket.getLocalPort();
            registry.add("cloudexchange.embedded.amqp-port", () -> port);
        }
    }

    @AfterEach
    void stopRestarted() {
        if (restarted != null) {
            restarted.close();
        }
    }

    @Override
    void stopBroker() {
        broker.close();
    }

    @Override
    void startBroker() {
        restarted = EmbeddedBrokerRestarts.startAgain(properties.dataDir(), broker.port());
    }
}
