package io.cloudexchange.core.cls.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudexchange.core.cls.TcpLineReceiver;
import io.cloudexchange.core.cls.delivery.LogShipperTestSetup.Route;
import io.cloudexchange.core.cls.siem.SiemMappingRepository;
import io.cloudexchange.core.configurations.PluginConfigurationRepository;
import io.cloudexchange.core.testplugin.TestLogSourcePlugin;
import io.cloudexchange.core.testsupport.EmbeddedInfrastructure;
import io.cloudexchange.core.testsupport.TestBrokers;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A destination that is down fills its queue up to the bound; then the source that feeds it stops
 * pulling, and once the destination is back the backlog drains, the source pulls again by itself and every
 * record arrives.
 */
@SpringBootTest(properties = {
        "cloudexchange.cls.max-queued-batches=2", "cloudexchange.cls.refresh=200ms",
        "cloudexchange.cls.backoff-initial=100ms", "cloudexchange.cls.backoff-max=400ms",
        "cloudexchange.scheduler.tick=200ms"})
@DirtiesContext
@EmbeddedInfrastructure
@Import(LogShipperTestSetup.Mappers.class)
class LogShipperBackPressureTest {

    /** Far more than can be pulled before the gate's first measurement, so the pause always comes first. */
    private static final int PAGES = 1_000;
    private static final int PAGE_SIZE = 5;

    @Autowired
    private PluginConfigurationRepository configurations;
    @Autowired
    private SiemMappingRepository mappings;
    @Autowired
    private DestinationBackPressure backPressure;
    @Autowired
    private DestinationBatches batches;

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) {
        registry.add("cloudexchange.rabbitmq.uri", TestBrokers::freshLocalRabbitMqOrEmbedded);
    }

    @Test
    void pullsPauseAtTheBoundWhileTheDestinationIsDownAndResumeWhenItDrains() throws Exception {
        try (TcpLineReceiver receiver = TcpLineReceiver.start()) {
            receiver.down();
            Route route = LogShipperTestSetup.route(configurations, mappings, receiver, true,
                    Map.of("pages", PAGES, "page_size", PAGE_SIZE));
            String source = route.source().id();
            String destination = route.destination().id();
            AtomicLong deepest = new AtomicLong();

            await().atMost(Duration.ofSeconds(60)).until(() -> !backPressure.mayPull(source));
            Thread.sleep(1_000);
            int servedWhenPaused = TestLogSourcePlugin.PAGES_SERVED.get();
            assertThat(servedWhenPaused).as("the source paused before it ran dry").isLessThan(PAGES);
            for (int i = 0; i < 10; i++) {
                deepest.accumulateAndGet(batches.depth(destination), Math::max);
                Thread.sleep(200);
            }
            assertThat(TestLogSourcePlugin.PAGES_SERVED.get()).as("no pull while paused").isEqualTo(servedWhenPaused);
            assertThat(receiver.lines()).isEmpty();
            assertThat(deepest.get()).as("backlog stays near the bound").isBetween(2L, 2L + 50);

            receiver.up();

            await().atMost(Duration.ofSeconds(90)).until(() -> new HashSet<>(receiver.lines()).size() == PAGES * PAGE_SIZE);
            assertThat(TestLogSourcePlugin.PAGES_SERVED.get()).as("pulled again by itself").isGreaterThan(servedWhenPaused);
            await().atMost(Duration.ofSeconds(5)).until(() -> backPressure.mayPull(source));
        }
    }
}
