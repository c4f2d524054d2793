package io.cloudexchange.core.cls.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudexchange.core.cls.SyslogLineReceiver;
import io.cloudexchange.core.cls.mapping.DefaultMappingFiles;
import io.cloudexchange.core.cls.rules.BusinessRule;
import io.cloudexchange.core.cls.siem.SiemMapping;
import io.cloudexchange.core.cls.siem.SiemMappingRepository;
import io.cloudexchange.core.configurations.PluginConfiguration;
import io.cloudexchange.core.configurations.PluginConfigurationRepository;
import io.cloudexchange.core.secrets.SecretCipher;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The broker restarts while the Log Shipper streams: a simulated Netskope tenant is pulled by the scheduler, its
 * pages go through the broker (the module queue, then the destination's queue) to the {@code syslog} plugin and a
 * real TCP receiver. The broker is stopped mid-stream and started again on the same data; delivery resumes by
 * itself and every record arrives. Repeats are allowed only from batches not yet acknowledged when it went.
 * Subclasses say which broker and how it stops and starts.
 */
abstract class BrokerRestartScenario {

    static final int RECORDS = 2_000;
    private static final int PAGE_SIZE = 100;

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
    static void startTenantAndReceiver() throws Exception {
        tenant = NetskopeSimulator.start(SimulatorConfig.defaults().withPageSize(PAGE_SIZE).withVolume(RECORDS)
                .withRecordsPerSecond(RECORDS / 600.0).withHistory(Duration.ofMinutes(10)).withIdleWaitSeconds(0)
                .withRequestsPerSecond(0));
        // a busy SIEM: a quarter of a second per batch keeps most batches queued in the broker when it stops
        receiver = SyslogLineReceiver.start(Duration.ofMillis(250));
    }

    @AfterAll
    static void stopTenantAndReceiver() throws Exception {
        if (receiver != null) {
            receiver.close();
        }
        if (tenant != null) {
            tenant.close();
        }
    }

    abstract void stopBroker() throws Exception;

    abstract void startBroker() throws Exception;

    @Test
    void restartingTheBrokerMidStreamLosesNothing() throws Exception {
        Instant now = Instant.now();
        PluginConfiguration destination = configurations.save(new PluginConfiguration(null, "siem", "syslog",
                PlatformModule.CLS, Map.of("host", "127.0.0.1", "port", receiver.port(), "transport", "TCP",
                        "framing", "LF"), Map.of(), true, 60, false, true, now, now, null));
        PluginConfiguration source = configurations.save(new PluginConfiguration(null, "tenant", "netskope-logs",
                PlatformModule.CLS, Map.of("tenant_url", tenant.baseUrl().toString(), "alert_types", List.of("dlp"),
                        "event_types", List.of("none"), "initial_range_days", 1),
                Map.of("v2_token", cipher.encrypt(SimulatorConfig.DEFAULT_V2_TOKEN)), false, 10, false, true, now,
                now, null));
        mappings.save(new SiemMapping(null, "tenant to siem", source.id(), BusinessRule.ALL_ID, destination.id(),
                DefaultMappingFiles.JSON, LogFormat.JSON, true, null, now, now, null));
        configurations.save(new PluginConfiguration(source.id(), source.name(), source.pluginId(), source.module(),
                source.parameters(), source.secrets(), true, source.pollIntervalSeconds(), false, true,
                source.createdAt(), Instant.now(), source.version()));

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> receiver.lines().size() >= 3 * PAGE_SIZE);
        stopBroker();
        int beforeRestart = ids().size();
        assertThat(beforeRestart).as("the broker stopped mid-stream").isLessThan(RECORDS);
        startBroker();

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> ids().size() == RECORDS);
        int lines = receiver.lines().size();
        System.out.printf("[broker restart] %d distinct records before the restart, %d after; %d lines (%d repeats)%n",
                beforeRestart, ids().size(), lines, lines - RECORDS);
        assertThat(ids()).as("every record, once or more").hasSize(RECORDS);
        assertThat(lines - RECORDS).as("repeats, only from batches unacknowledged at the stop")
                .isLessThanOrEqualTo(RECORDS - beforeRestart);
    }

    /** Distinct record ids at the receiver, read from the JSON after each line's syslog header. */
    private Set<String> ids() {
        return receiver.lines().stream()
                .map(line -> json.readTree(line.substring(line.indexOf('{'))).path("_id").asString())
                .collect(Collectors.toSet());
    }
}
