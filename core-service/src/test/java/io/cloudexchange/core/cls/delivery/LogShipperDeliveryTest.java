package io.cloudexchange.core.cls.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudexchange.core.cls.TcpLineReceiver;
import io.cloudexchange.core.cls.delivery.LogShipperTestSetup.Route;
import io.cloudexchange.core.cls.rules.BusinessRule;
import io.cloudexchange.core.cls.rules.BusinessRuleRepository;
import io.cloudexchange.core.cls.siem.SiemMapping;
import io.cloudexchange.core.cls.siem.SiemMappingRepository;
import io.cloudexchange.core.configurations.PluginConfigurationRepository;
import io.cloudexchange.core.messaging.BatchMessage;
import io.cloudexchange.core.messaging.BatchPublisher;
import io.cloudexchange.core.testplugin.TcpLineDestinationPlugin;
import io.cloudexchange.core.testsupport.EmbeddedInfrastructure;
import io.cloudexchange.core.testsupport.TestBrokers;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.log.Alert;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Batches in {@code ce.cls.batches} reach a real TCP receiver through the Log Shipper worker, the
 * destination's queue and its worker, on a local RabbitMQ when one answers (else the embedded broker).
 */
@SpringBootTest(properties = {
        "cloudexchange.cls.backoff-initial=100ms", "cloudexchange.cls.backoff-max=400ms",
        "cloudexchange.cls.refresh=200ms"})
@DirtiesContext
@EmbeddedInfrastructure
@Import(LogShipperTestSetup.Mappers.class)
class LogShipperDeliveryTest {

    private static final TypeReference<Map<String, Object>> ITEM = new TypeReference<>() { };

    @Autowired
    private BatchPublisher publisher;
    @Autowired
    private PluginConfigurationRepository configurations;
    @Autowired
    private SiemMappingRepository mappings;
    @Autowired
    private DeadLetterStore deadLetters;
    @Autowired
    private BusinessRuleRepository rules;
    @Autowired
    private DeadLetterReplay replay;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private JsonMapper json;
    private final List<TcpLineReceiver> receivers = new ArrayList<>();

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) {
        registry.add("cloudexchange.rabbitmq.uri", TestBrokers::freshLocalRabbitMqOrEmbedded);
    }

    @AfterEach
    void reset() throws Exception {
        TcpLineDestinationPlugin.acceptPoison = false;
        TcpLineDestinationPlugin.maxBatch = 10_000;
        for (TcpLineReceiver receiver : receivers) {
            receiver.close();
        }
    }

    @Test
    void everyRecordArrivesOnceInCallsNoLargerThanTheDestinationTakes() throws Exception {
        TcpLineDestinationPlugin.maxBatch = 7;
        TcpLineDestinationPlugin.CALL_SIZES.clear();
        TcpLineReceiver receiver = receiver();
        Route route = LogShipperTestSetup.route(configurations, mappings, receiver, false, Map.of());

        for (int batch = 0; batch < 5; batch++) {
            publisher.publish(batch(route, 20, batch * 20, Map.of()));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.lines().size() >= 100);
        Thread.sleep(500);
        List<String> lines = receiver.lines();
        assertThat(lines).hasSize(100).doesNotHaveDuplicates();
        assertThat(lines).allSatisfy(line -> assertThat(line).contains("\"type\":\"ALERT\",\"subtype\":\"dlp\""));
        assertThat(TcpLineDestinationPlugin.CALL_SIZES).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(7));
        assertThat(LogShipperTestSetup.count(meters, route.mapping(), "pulled")).isEqualTo(100);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> LogShipperTestSetup.count(meters, route.mapping(), "sent") == 100);
    }

    @Test
    void theShippedJsonMappingFileSendsTheRecordsAsPulled() throws Exception {
        TcpLineReceiver receiver = receiver();
        Route route = LogShipperTestSetup.route(configurations, mappings, receiver, false, Map.of());
        mappings.save(new SiemMapping(route.mapping().id(), route.mapping().name(),
                route.source().id(), route.mapping().businessRuleId(), route.destination().id(), "default-json",
                io.cloudexchange.plugin.api.cls.LogFormat.JSON, true, null, route.mapping().createdAt(), Instant.now(),
                route.mapping().version()));

        publisher.publish(batch(route, 3, 0, Map.of()));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.lines().size() >= 3);
        assertThat(receiver.lines()).hasSize(3).allSatisfy(line -> {
            Map<String, Object> fields = json.readValue(line, ITEM);
            assertThat(fields).containsEntry("alert_type", "dlp").containsKey("_id").containsKey("user");
        });
    }

    @Test
    void theBusinessRuleKeepsOnlyMatchingRecordsAndCountsTheOthers() throws Exception {
        TcpLineReceiver receiver = receiver();
        Route route = LogShipperTestSetup.route(configurations, mappings, receiver, false, Map.of());
        Instant now = Instant.now();
        BusinessRule rule = rules.save(new BusinessRule(null, "some users " + UUID.randomUUID(),
                "user IN (\"u0\", \"u2\", \"u4\")", false, now, now, null));
        mappings.save(new SiemMapping(route.mapping().id(), route.mapping().name(), route.source().id(), rule.id(),
                route.destination().id(), route.mapping().mappingFileId(), route.mapping().format(), true, null,
                route.mapping().createdAt(), now, route.mapping().version()));

        publisher.publish(batch(route, 6, 0, Map.of()));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> LogShipperTestSetup.count(meters, route.mapping(), "filtered_out") == 3);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.lines().size() >= 3);
        assertThat(receiver.lines()).hasSize(3)
                .allSatisfy(line -> assertThat(line).containsPattern("\"user\":\"u[024]\""));
    }

    @Test
    void aDestinationDownForAWhileLosesNothingAndDeliveryResumesByItself() throws Exception {
        TcpLineReceiver receiver = receiver();
        receiver.down();
        Route route = LogShipperTestSetup.route(configurations, mappings, receiver, false, Map.of());

        for (int batch = 0; batch < 3; batch++) {
            publisher.publish(batch(route, 10, batch * 10, Map.of()));
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> LogShipperTestSetup.count(meters, route.mapping(), "failed") >= 10);
        Thread.sleep(1_500);
        assertThat(receiver.lines()).isEmpty();

        receiver.up();

        await().atMost(Duration.ofSeconds(30)).until(() -> new HashSet<>(receiver.lines()).size() >= 30);
        assertThat(new HashSet<>(receiver.lines())).hasSize(30);
        assertThat(deadLetters.count(route.mapping().id())).isZero();
    }

    @Test
    void permanentFailuresAreDeadLetteredWithTheirReasonAndReplayed() throws Exception {
        TcpLineReceiver receiver = receiver();
        Route route = LogShipperTestSetup.route(configurations, mappings, receiver, false, Map.of());
        Map<Integer, Map<String, Object>> extra = Map.of(
                2, Map.of("poison", true), 5, Map.of("poison", true), 7, Map.of("unmappable", true));

        publisher.publish(batch(route, 10, 0, extra));

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.count(route.mapping().id()) == 3
                && receiver.lines().size() == 7);
        List<DeadLetter> letters = deadLetters.page(route.mapping().id(), 0, 10);
        assertThat(letters).extracting(DeadLetter::recordId).containsExactlyInAnyOrder("a-2", "a-5", "a-7");
        assertThat(letters).filteredOn(letter -> letter.recordId().equals("a-2")).singleElement()
                .satisfies(letter -> assertThat(letter.reason()).contains("422 field 'poison' is not allowed"));
        assertThat(letters).filteredOn(letter -> letter.recordId().equals("a-7")).singleElement()
                .satisfies(letter -> assertThat(letter.reason()).startsWith("cannot be mapped"));
        assertThat(LogShipperTestSetup.count(meters, route.mapping(), "dead_lettered")).isEqualTo(3);

        TcpLineDestinationPlugin.acceptPoison = true;
        DeadLetterReplay.Outcome outcome = replay.replay(deadLetters.ofMapping(route.mapping().id(), 100));

        assertThat(outcome.replayed()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.lines().size() == 9);
        assertThat(receiver.lines()).anySatisfy(line -> assertThat(line).contains("\"id\":\"a-2\"").contains("poison"));
        await().atMost(Duration.ofSeconds(10)).until(() -> deadLetters.count(route.mapping().id()) == 1);
        assertThat(deadLetters.page(route.mapping().id(), 0, 10)).singleElement()
                .satisfies(letter -> assertThat(letter.recordId()).isEqualTo("a-7"));
    }

    private TcpLineReceiver receiver() throws Exception {
        TcpLineReceiver receiver = TcpLineReceiver.start();
        receivers.add(receiver);
        return receiver;
    }

    private BatchMessage batch(Route route, int size, int firstId, Map<Integer, Map<String, Object>> extraFields) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int number = firstId + i;
            String id = "a-" + number;
            Map<String, Object> raw = new LinkedHashMap<>(Map.of("_id", id, "alert_type", "dlp", "user", "u" + number));
            raw.putAll(extraFields.getOrDefault(number, Map.of()));
            Alert alert = new Alert(id, "policy", "dlp", "app", "cat", "u" + number, Instant.now(), raw);
            items.add(json.convertValue(alert, ITEM));
        }
        return new BatchMessage(UUID.randomUUID().toString(), PlatformModule.CLS, route.source().id(),
                route.source().pluginId(), "alert:dlp", BatchMessage.Kind.LOGS, Instant.now(), items);
    }
}
