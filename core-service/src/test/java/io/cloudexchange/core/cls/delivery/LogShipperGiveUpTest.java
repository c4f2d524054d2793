package io.cloudexchange.core.cls.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.cloudexchange.core.cls.TcpLineReceiver;
import io.cloudexchange.core.cls.delivery.LogShipperTestSetup.Route;
import io.cloudexchange.core.cls.siem.RepeatedFailurePolicy;
import io.cloudexchange.core.cls.siem.RepeatedFailurePolicy.Action;
import io.cloudexchange.core.cls.siem.SiemMapping;
import io.cloudexchange.core.cls.siem.SiemMappingRepository;
import io.cloudexchange.core.configurations.PluginConfigurationRepository;
import io.cloudexchange.core.logging.PlatformLogEntry;
import io.cloudexchange.core.messaging.BatchMessage;
import io.cloudexchange.core.messaging.BatchPublisher;
import io.cloudexchange.core.testsupport.EmbeddedInfrastructure;
import io.cloudexchange.core.testsupport.TestBrokers;
import io.cloudexchange.plugin.api.PlatformModule;
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
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The admin's choice for batches a destination keeps refusing, against a real TCP receiver that refuses
 * connections. The hold limit is so short that a worker hands a batch back to its queue after about three
 * attempts, so a give-up point of 7 is only reached if the attempts are counted across redeliveries.
 */
@SpringBootTest(properties = {
        "cloudexchange.cls.backoff-initial=100ms", "cloudexchange.cls.backoff-max=400ms",
        "cloudexchange.cls.hold-limit=500ms", "cloudexchange.cls.refresh=200ms"})
@DirtiesContext
@EmbeddedInfrastructure
@Import(LogShipperTestSetup.Mappers.class)
class LogShipperGiveUpTest {

    private static final int RECORDS = 5;

    @Autowired
    private BatchPublisher publisher;
    @Autowired
    private PluginConfigurationRepository configurations;
    @Autowired
    private SiemMappingRepository mappings;
    @Autowired
    private DeadLetterStore deadLetters;
    @Autowired
    private DeadLetterReplay replay;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private MongoOperations mongo;
    private final List<TcpLineReceiver> receivers = new ArrayList<>();

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) {
        registry.add("cloudexchange.rabbitmq.uri", TestBrokers::freshLocalRabbitMqOrEmbedded);
    }

    @AfterEach
    void closeReceivers() throws Exception {
        for (TcpLineReceiver receiver : receivers) {
            receiver.close();
        }
    }

    @Test
    void byDefaultABatchIsRetriedPastAnyGiveUpPointAndDeliveredWhenTheReceiverIsBack() throws Exception {
        TcpLineReceiver receiver = downReceiver();
        Route route = route(receiver, null);

        publisher.publish(batch(route));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> LogShipperTestSetup.count(meters, route.mapping(), "failed") >= 12 * RECORDS);
        assertThat(receiver.lines()).isEmpty();
        receiver.up();

        await().atMost(Duration.ofSeconds(30)).until(() -> new HashSet<>(receiver.lines()).size() >= RECORDS);
        assertThat(new HashSet<>(receiver.lines())).hasSize(RECORDS);
        assertThat(deadLetters.count(route.mapping().id())).isZero();
        assertThat(LogShipperTestSetup.count(meters, route.mapping(), "discarded")).isZero();
        assertThat(attemptCounts(route)).isZero();
    }

    @Test
    void deadLetterChoiceDeadLettersAfterTheAttemptsCountedAcrossRedeliveriesAndTheRecordsReplay() throws Exception {
        TcpLineReceiver receiver = downReceiver();
        Route route = route(receiver, new RepeatedFailurePolicy(Action.DEAD_LETTER, 7));

        publisher.publish(batch(route));

        await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters.count(route.mapping().id()) == RECORDS);
        assertThat(deadLetters.page(route.mapping().id(), 0, 10)).hasSize(RECORDS).allSatisfy(letter ->
                assertThat(letter.reason()).startsWith("gave up after 7 attempts: cannot reach 127.0.0.1:"));
        assertThat(LogShipperTestSetup.count(meters, route.mapping(), "failed")).isEqualTo(7.0 * RECORDS);
        assertThat(LogShipperTestSetup.count(meters, route.mapping(), "dead_lettered")).isEqualTo(RECORDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> attemptCounts(route) == 0);

        receiver.up();
        DeadLetterReplay.Outcome outcome = replay.replay(deadLetters.ofMapping(route.mapping().id(), 100));

        assertThat(outcome.replayed()).isEqualTo(RECORDS);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.lines().size() >= RECORDS);
        assertThat(new HashSet<>(receiver.lines())).hasSize(RECORDS);
        assertThat(deadLetters.count(route.mapping().id())).isZero();
    }

    @Test
    void discardChoiceDropsTheBatchAfterTheAttemptsCountsItAndLogsAnError() throws Exception {
        TcpLineReceiver receiver = downReceiver();
        Route route = route(receiver, new RepeatedFailurePolicy(Action.DISCARD, 2));

        publisher.publish(batch(route));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> LogShipperTestSetup.count(meters, route.mapping(), "discarded") == RECORDS);
        assertThat(LogShipperTestSetup.count(meters, route.mapping(), "failed")).isEqualTo(2.0 * RECORDS);
        assertThat(deadLetters.count(route.mapping().id())).isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> mongo.exists(Query.query(where("errorCode")
                .is(BatchDelivery.DISCARDED)), PlatformLogEntry.class));
        assertThat(mongo.find(Query.query(where("errorCode").is(BatchDelivery.DISCARDED)
                .and("source").is("configuration:" + route.destination().id())), PlatformLogEntry.class))
                .singleElement().satisfies(entry -> assertThat(entry.message())
                        .contains(RECORDS + " records of SIEM mapping '" + route.mapping().name() + "'")
                        .contains("gave up after 2 attempts"));
        assertThat(mongo.find(Query.query(where("mappingId").is(route.mapping().id()).and("discarded").exists(true)),
                org.bson.Document.class, ClsCounters.COLLECTION)).singleElement()
                .satisfies(bucket -> assertThat(((Number) bucket.get("discarded")).longValue()).isEqualTo(RECORDS));

        receiver.up();
        Thread.sleep(1_500);
        assertThat(receiver.lines()).isEmpty();
    }

    private TcpLineReceiver downReceiver() throws Exception {
        TcpLineReceiver receiver = TcpLineReceiver.start();
        receivers.add(receiver);
        receiver.down();
        return receiver;
    }

    private Route route(TcpLineReceiver receiver, RepeatedFailurePolicy policy) {
        Route route = LogShipperTestSetup.route(configurations, mappings, receiver, false, Map.of());
        SiemMapping m = route.mapping();
        SiemMapping withPolicy = mappings.save(new SiemMapping(m.id(), m.name(), m.sourceConfigurationId(),
                m.businessRuleId(), m.destinationConfigurationId(), m.mappingFileId(), m.format(), true, policy,
                m.createdAt(), Instant.now(), m.version()));
        return new Route(route.source(), route.destination(), withPolicy);
    }

    private long attemptCounts(Route route) {
        return mongo.count(Query.query(where("mappingId").is(route.mapping().id())), DeliveryAttempts.COLLECTION);
    }

    private static BatchMessage batch(Route route) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("_id", "g-" + i);
            record.put("alert_type", "dlp");
            record.put("user", "u" + i);
            items.add(Map.of("id", "g-" + i, "type", "ALERT", "subtype", "dlp", "raw", record));
        }
        return new BatchMessage(UUID.randomUUID().toString(), PlatformModule.CLS, route.source().id(),
                route.source().pluginId(), "alert:dlp", BatchMessage.Kind.LOGS, Instant.now(), items);
    }
}
