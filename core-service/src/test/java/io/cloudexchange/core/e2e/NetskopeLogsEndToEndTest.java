package io.cloudexchange.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudexchange.core.configurations.PluginConfiguration;
import io.cloudexchange.core.configurations.PluginConfigurationRepository;
import io.cloudexchange.core.messaging.BatchMessage;
import io.cloudexchange.core.messaging.BatchTopology;
import io.cloudexchange.core.plugins.PluginRegistry;
import io.cloudexchange.core.secrets.SecretCipher;
import io.cloudexchange.core.testsupport.EmbeddedInfrastructure;
import io.cloudexchange.netskope.simulator.NetskopeSimulator;
import io.cloudexchange.netskope.simulator.SimulatorConfig;
import io.cloudexchange.plugin.api.PlatformModule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bundled Netskope plugin as the platform runs it: an enabled {@code netskope-logs} configuration
 * pointing at a simulated tenant is pulled by the scheduler, and each dataexport page reaches the Log
 * Shipper queue as one batch (read here with the workers turned off). The test follows the DLP alert stream.
 */
// no workers: the test reads ce.cls.batches itself, where the Log Shipper worker would take the batches first
@SpringBootTest(properties = {"cloudexchange.scheduler.tick=1s", "cloudexchange.workers.enabled=false"})
@EmbeddedInfrastructure
class NetskopeLogsEndToEndTest {

    private static final int RECORDS = 120;
    private static final int PAGE_SIZE = 50;
    private static final String QUEUE = BatchTopology.queue(PlatformModule.CLS);
    private static NetskopeSimulator tenant;

    @Autowired
    private PluginRegistry plugins;
    @Autowired
    private PluginConfigurationRepository configurations;
    @Autowired
    private SecretCipher cipher;
    @Autowired
    private RabbitTemplate rabbit;
    @Autowired
    private JsonMapper json;

    @BeforeAll
    static void startTenant() {
        tenant = NetskopeSimulator.start(SimulatorConfig.defaults().withPageSize(PAGE_SIZE).withVolume(RECORDS)
                .withRecordsPerSecond(100).withHistory(Duration.ofMinutes(10)).withIdleWaitSeconds(30)
                .withRequestsPerSecond(0));
    }

    @AfterAll
    static void stopTenant() {
        tenant.close();
    }

    @Test
    void theNetskopePluginIsBundled() {
        assertThat(plugins.find("netskope-logs")).isPresent();
    }

    @Test
    void eachPulledPageOfAlertsIsPublishedToTheLogShipperQueue() {
        Instant now = Instant.now();
        PluginConfiguration saved = configurations.save(new PluginConfiguration(null, "simulated tenant",
                "netskope-logs", PlatformModule.CLS,
                Map.of("tenant_url", tenant.baseUrl().toString(), "alert_types", List.of("dlp"),
                        "initial_range_days", 1),
                Map.of("v2_token", cipher.encrypt(SimulatorConfig.DEFAULT_V2_TOKEN)),
                true, 60, false, true, now, now, null));

        List<BatchMessage> batches = new ArrayList<>();
        Set<Object> ids = new HashSet<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            for (Message message = rabbit.receive(QUEUE); message != null; message = rabbit.receive(QUEUE)) {
                BatchMessage batch = json.readValue(message.getBody(), BatchMessage.class);
                if (batch.stream().equals("alert:dlp")) {
                    batches.add(batch);
                    batch.items().forEach(item -> ids.add(item.get("id")));
                }
            }
            return ids.size() >= RECORDS;
        });

        assertThat(batches).as("one batch per page").hasSize((RECORDS + PAGE_SIZE - 1) / PAGE_SIZE)
                .allSatisfy(batch -> {
                    assertThat(batch.configurationId()).isEqualTo(saved.id());
                    assertThat(batch.pluginId()).isEqualTo("netskope-logs");
                    assertThat(batch.kind()).isEqualTo(BatchMessage.Kind.LOGS);
                });
        assertThat(batches.stream().mapToInt(batch -> batch.items().size()).sum()).as("every record once")
                .isEqualTo(RECORDS);
    }
}
