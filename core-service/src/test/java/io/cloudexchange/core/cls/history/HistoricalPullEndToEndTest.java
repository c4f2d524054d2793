package io.cloudexchange.core.cls.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudexchange.core.cls.TcpLineReceiver;
import io.cloudexchange.core.cls.TestLogMappers;
import io.cloudexchange.core.cls.history.HistoricalPullJob.Status;
import io.cloudexchange.core.cls.rules.BusinessRule;
import io.cloudexchange.core.cls.siem.SiemMapping;
import io.cloudexchange.core.cls.siem.SiemMappingRepository;
import io.cloudexchange.core.configurations.PluginConfiguration;
import io.cloudexchange.core.configurations.PluginConfigurationRepository;
import io.cloudexchange.core.secrets.SecretCipher;
import io.cloudexchange.core.testplugin.TcpLineDestinationPlugin;
import io.cloudexchange.core.testsupport.EmbeddedInfrastructure;
import io.cloudexchange.core.testsupport.TestBrokers;
import io.cloudexchange.netskope.simulator.NetskopeSimulator;
import io.cloudexchange.netskope.simulator.SimulatorConfig;
import io.cloudexchange.netskope.simulator.dataexport.DataType;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.cls.LogFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * "Pull historical data" end to end: the bundled Netskope plugin reads a past range from a simulated tenant,
 * the pages travel as batches through RabbitMQ (the local one, on {@code CE_TEST_RABBITMQ_URI}'s virtual host,
 * else the embedded broker), the Log Shipper worker and the destination's queue, and reach a real TCP receiver.
 * Two SIEM mappings ship the same source to two receivers; only the one the pull was started for gets the range.
 * Every run pulls one page and yields ({@code run-budget=0s}), so the job resumes from the checkpoint stored in
 * MongoDB on every run, as it does after a restart.
 */
@SpringBootTest(properties = {
        "cloudexchange.cls.backoff-initial=100ms", "cloudexchange.cls.backoff-max=400ms",
        "cloudexchange.cls.refresh=200ms", "cloudexchange.cls.history.tick=200ms",
        "cloudexchange.cls.history.run-budget=0s"})
@DirtiesContext
@EmbeddedInfrastructure
@Import(HistoricalPullEndToEndTest.Mappers.class)
class HistoricalPullEndToEndTest {

    private static final int VOLUME = 600;
    private static NetskopeSimulator tenant;

    @TestConfiguration(proxyBeanMethods = false)
    static class Mappers {
        @Bean
        @Primary
        TestLogMappers testLogMappers(@org.springframework.beans.factory.annotation.Qualifier("compiledLogMappers")
                                      io.cloudexchange.core.cls.mapping.LogMappers real) {
            return new TestLogMappers(real);
        }
    }

    @Autowired
    private PluginConfigurationRepository configurations;
    @Autowired
    private SiemMappingRepository mappings;
    @Autowired
    private SecretCipher cipher;
    @Autowired
    private HistoricalPullService service;
    @Autowired
    private org.springframework.data.mongodb.core.MongoOperations mongo;
    private final List<TcpLineReceiver> receivers = new ArrayList<>();

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) {
        registry.add("cloudexchange.rabbitmq.uri", TestBrokers::freshLocalRabbitMqOrEmbedded);
    }

    /** 2 records a second for 5 minutes, all in the past; 25 records a page. */
    @BeforeAll
    static void startTenant() {
        tenant = NetskopeSimulator.start(SimulatorConfig.defaults().withPageSize(25).withVolume(VOLUME)
                .withRecordsPerSecond(2).withHistory(Duration.ofMinutes(10)).withIdleWaitSeconds(30)
                .withRequestsPerSecond(0));
    }

    @AfterAll
    static void stopTenant() {
        tenant.close();
    }

    @AfterEach
    void closeReceivers() throws Exception {
        for (TcpLineReceiver receiver : receivers) {
            receiver.close();
        }
    }

    @Test
    void exactlyTheRecordsOfTheRangeArriveOnceAndOnlyAtTheChosenMapping() throws Exception {
        TcpLineReceiver chosen = receiver();
        TcpLineReceiver other = receiver();
        PluginConfiguration source = netskopeSource();
        SiemMapping chosenMapping = mapping(source, chosen);
        mapping(source, other);
        Instant from = Instant.ofEpochSecond(timestamp(0) + 60);
        Instant to = Instant.ofEpochSecond(timestamp(0) + 180);
        List<String> expected = idsBetween(from, to);

        HistoricalPullJob started = service.start(new HistoricalPullRequest(chosenMapping.id(), from.toString(),
                to.toString()));

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> service.get(started.id()).status() != Status.RUNNING);
        await().atMost(Duration.ofSeconds(30)).until(() -> chosen.lines().size() >= expected.size());
        Thread.sleep(1000);
        HistoricalPullJob finished = service.get(started.id());
        assertThat(finished.status()).isEqualTo(Status.COMPLETED);
        assertThat(finished.percent()).isEqualTo(100);
        assertThat(finished.records()).isEqualTo(expected.size());
        assertThat(finished.pages()).isGreaterThan(15);
        assertThat(finished.streams()).hasSize(3);
        assertThat(chosen.lines().stream().map(line -> line.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1")).toList())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(other.lines()).isEmpty();
        assertThat(tenant.requests().entries()).extracting(entry -> entry.index()).allSatisfy(index ->
                assertThat(index).contains("_h"));
    }

    @Test
    void aCancelledPullStopsAndShipsNothingMore() throws Exception {
        TcpLineReceiver chosen = receiver();
        PluginConfiguration source = netskopeSource();
        SiemMapping mapping = mapping(source, chosen);
        tenant.faults().slowResponses(1000, Duration.ofMillis(300));
        try {
            HistoricalPullJob started = service.start(new HistoricalPullRequest(mapping.id(),
                    Instant.ofEpochSecond(timestamp(0)).toString(), Instant.ofEpochSecond(timestamp(VOLUME - 1)).toString()));
            await().atMost(Duration.ofSeconds(30)).until(() -> service.get(started.id()).pages() >= 1);

            HistoricalPullJob cancelled = service.cancel(started.id());

            assertThat(cancelled.status()).isEqualTo(Status.CANCELLED);
            Thread.sleep(1500);
            HistoricalPullJob later = service.get(started.id());
            assertThat(later.status()).isEqualTo(Status.CANCELLED);
            assertThat(later.pages()).as("at most the page in flight when cancelled").isLessThanOrEqualTo(
                    cancelled.pages() + 1);
            assertThat(later.records()).isLessThan(VOLUME);
        } finally {
            tenant.faults().clear();
        }
    }

    private PluginConfiguration netskopeSource() {
        Instant now = Instant.now();
        return configurations.save(new PluginConfiguration(null, "tenant " + UUID.randomUUID(), "netskope-logs",
                PlatformModule.CLS, Map.of("tenant_url", tenant.baseUrl().toString(), "alert_types", List.of("dlp"),
                        "event_types", List.of("application", "audit"), "initial_range_days", 1),
                Map.of("v2_token", cipher.encrypt(SimulatorConfig.DEFAULT_V2_TOKEN)),
                false, 60, false, true, now, now, null));
    }

    private SiemMapping mapping(PluginConfiguration source, TcpLineReceiver receiver) {
        Instant now = Instant.now();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        PluginConfiguration destination = configurations.save(new PluginConfiguration(null, "receiver " + suffix,
                TcpLineDestinationPlugin.ID, PlatformModule.CLS, Map.of("host", "127.0.0.1", "port", receiver.port()),
                Map.of(), true, 300, false, true, now, now, null));
        return mappings.save(new SiemMapping(null, "mapping " + suffix, source.id(), BusinessRule.ALL_ID,
                destination.id(), TestLogMappers.FILE, LogFormat.JSON, true, null, now, now, null));
    }

    private TcpLineReceiver receiver() throws Exception {
        TcpLineReceiver receiver = TcpLineReceiver.start();
        receivers.add(receiver);
        return receiver;
    }

    /** The ids of the records of the three streams (DLP alerts, application and audit events) in the range. */
    private List<String> idsBetween(Instant from, Instant to) {
        return java.util.stream.Stream.of(DataType.DLP, DataType.APPLICATION, DataType.AUDIT)
                .flatMap(type -> LongStream.range(0, VOLUME)
                        .filter(n -> timestamp(n) >= from.getEpochSecond() && timestamp(n) <= to.getEpochSecond())
                        .mapToObj(n -> tenant.dataExport().recordJson(type, n)
                                .replaceAll(".*?\"_id\":\"([^\"]+)\".*", "$1")))
                .toList();
    }

    private static long timestamp(long n) {
        return Long.parseLong(tenant.dataExport().recordJson(DataType.DLP, n)
                .replaceAll(".*?\"timestamp\":(\\d+).*", "$1"));
    }
}
