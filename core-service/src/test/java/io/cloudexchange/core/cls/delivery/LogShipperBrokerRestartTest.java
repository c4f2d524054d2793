package io.cloudexchange.core.cls.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cloudexchange.core.cls.SyslogLineReceiver;
import io.cloudexchange.core.cls.mapping.DefaultMappingFiles;
import io.cloudexchange.core.cls.rules.BusinessRule;
import io.cloudexchange.core.cls.siem.SiemMapping;
import io.cloudexchange.core.cls.siem.SiemMappingRepository;
import io.cloudexchange.core.configurations.PluginConfiguration;
import io.cloudexchange.core.configurations.PluginConfigurationRepository;
import io.cloudexchange.core.secrets.SecretCipher;
import io.cloudexchange.core.testsupport.EmbeddedInfrastructure;
import io.cloudexchange.core.testsupport.PrivateRabbitMq;
import io.cloudexchange.netskope.simulator.NetskopeSimulator;
import io.cloudexchange.netskope.simulator.SimulatorConfig;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.cls.LogFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The broker restarts while the Log Shipper streams: a simulated Netskope tenant is pulled by the scheduler,
 * its pages go through RabbitMQ (the module queue, then the destination's queue) to the {@code syslog} plugin and
 * a real TCP receiver. RabbitMQ is a node of the test's own ({@link PrivateRabbitMq}), stopped with
 * {@code rabbitmqctl stop} mid-stream and started again on the same data. Delivery resumes by itself and every
 * record arrives; repeats are allowed only from batches that were not acknowledged when the broker went.
 */
@SpringBootTest(properties = {
        "cloudexchange.scheduler.tick=1s", "cloudexchange.cls.refresh=200ms",
        "cloudexchange.cls.backoff-initial=100ms", "cloudexchange.cls.backoff-max=1s"})
@DirtiesContext
@EmbeddedInfrastructure
class LogShipperBrokerRestartTest {

    private static final int RECORDS = 2_000;
    private static final int PAGE_SIZE = 100;

    private static PrivateRabbitMq broker;
    private static NetskopeSimulator tenant;
    private static SyslogLineReceiver receiver;

    @Autowired
    private PluginConfigurationRepository configurations;
    @Autowired
    private SiemMappingRepository mappings;
    @Autowired
    private SecretCipher cipher;
    @Autowired
    private JsonMapper json;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(PrivateRabbitMq.installed(),
                "needs the rabbitmq-server package to run a RabbitMQ node of its own (the shared one is never restarted)");
        broker = PrivateRabbitMq.startFresh();
        tenant = NetskopeSimulator.start(SimulatorConfig.defaults().withPageSize(PAGE_SIZE).withVolume(RECORDS)
                .withRecordsPerSecond(RECORDS / 600.0).withHistory(Duration.ofMinutes(10)).withIdleWaitSeconds(0)
                .withRequestsPerSecond(0));
        // a busy SIEM: a quarter of a second per batch keeps most batches queued in the broker when it stops
        receiver = SyslogLineReceiver.start(Duration.ofMillis(250));
    }

    @DynamicPropertySource
    static void privateBroker(DynamicPropertyRegistry registry) {
        registry.add("cloudexchange.rabbitmq.uri", () -> broker.uri());
    }

    @AfterAll
    static void stop() throws Exception {
        if (receiver != null) {
            receiver.close();
        }
        if (tenant != null) {
            tenant.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void restartingTheBrokerMidStreamLosesNothing() throws Exception {
        Instant now = Instant.now();
        PluginConfiguration destination = configurations.save(new PluginConfiguration(null, "siem", "syslog",
                PlatformModule.CLS, Map.of("host", "127.0.0.1", "port", receiver.port(), "transport", "TCP",
                        "framing", "LF"), Map.of(), true, 60, false, true, now, now, null));
        PluginConfiguration source = new PluginConfiguration(null, "tenant", "netskope-logs", PlatformModule.CLS,
                Map.of("tenant_url", tenant.baseUrl().toString(), "alert_types", List.of("dlp"),
                        "event_types", List.of(), "initial_range_days", 1),
                Map.of("v2_token", cipher.encrypt(SimulatorConfig.DEFAULT_V2_TOKEN)), false, 10, false, true, now,
                now, null);
        source = configurations.save(source);
        mappings.save(new SiemMapping(null, "tenant to siem", source.id(), BusinessRule.ALL_ID, destination.id(),
                DefaultMappingFiles.JSON, LogFormat.JSON, true, now, now, null));
        configurations.save(new PluginConfiguration(source.id(), source.name(), source.pluginId(), source.module(),
                source.parameters(), source.secrets(), true, source.pollIntervalSeconds(), false, true,
                source.createdAt(), Instant.now(), source.version()));

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> receiver.lines().size() >= 3 * PAGE_SIZE);
        broker.stop();
        int beforeRestart = ids().size();
        assertThat(beforeRestart).as("the broker stopped mid-stream").isLessThan(RECORDS);
        broker.start();

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> ids().size() == RECORDS);
        assertThat(ids()).as("every record, once or more").hasSize(RECORDS);
        assertThat(receiver.lines().size() - RECORDS).as("repeats, from batches unacknowledged at the stop")
                .isLessThanOrEqualTo(RECORDS - beforeRestart);
    }

    /** Distinct record ids at the receiver, read from the JSON after each line's syslog header. */
    private Set<String> ids() {
        return receiver.lines().stream()
                .map(line -> json.readTree(line.substring(line.indexOf('{'))).path("_id").asString())
                .collect(Collectors.toSet());
    }
}
