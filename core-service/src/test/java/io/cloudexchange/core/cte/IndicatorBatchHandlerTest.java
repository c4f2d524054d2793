package io.cloudexchange.core.cte;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.core.logging.PlatformLogRepository;
import io.cloudexchange.core.messaging.BatchMessage;
import io.cloudexchange.core.testsupport.MongoTestConfiguration;
import io.cloudexchange.core.testsupport.MutableClock;
import io.cloudexchange.core.workers.BatchItems;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.cte.Indicator;
import io.cloudexchange.plugin.api.cte.IndicatorType;
import io.cloudexchange.plugin.api.cte.Severity;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(classes = {MongoTestConfiguration.class, IndicatorBatchHandler.class, IndicatorWriter.class,
        CteSettingsStore.class, BatchItems.class})
class IndicatorBatchHandlerTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    @Autowired IndicatorBatchHandler handler;
    @Autowired MongoTemplate mongo;
    @Autowired JsonMapper json;
    @Autowired PlatformLogRepository logs;
    @Autowired CteSettingsStore settings;
    @Autowired MutableClock clock;

    @BeforeEach
    void cleanSlate() {
        mongo.getCollection(StoredIndicator.COLLECTION).deleteMany(new Document());
        mongo.getCollection("cte_settings").deleteMany(new Document());
        logs.deleteAll();
    }

    @Test
    void indicatorsFromSeveralSourcesMergeIntoOneDocumentPerNormalisedValue() {
        handler.handle(batch("cfg-a", item(Indicator.of(IndicatorType.URL, "https://evil.example/x")
                        .withSeverity(Severity.LOW).withReputation(7).withTags(List.of("phishing"))
                        .withSeen(T0.plusSeconds(100), T0.plusSeconds(200)).withComments("from A")),
                item(Indicator.of(IndicatorType.MD5, "  9E107D9D372BB6826BD81D3542A419D6 "))));
        handler.handle(batch("cfg-b", item(Indicator.of(IndicatorType.URL, "https://evil.example/x ")
                        .withSeverity(Severity.HIGH).withReputation(3).withTags(List.of("c2", "phishing"))
                        .withSeen(T0, T0.plusSeconds(300)).withExpiresAt(T0.plusSeconds(9000))),
                item(Indicator.of(IndicatorType.MD5, "9e107d9d372bb6826bd81d3542a419d6"))));

        assertThat(mongo.findAll(StoredIndicator.class)).hasSize(2);
        StoredIndicator url = mongo.findById("URL:https://evil.example/x", StoredIndicator.class);
        assertThat(url).isNotNull();
        assertThat(url.severity()).isEqualTo(Severity.HIGH);
        assertThat(url.reputation()).isEqualTo(3);
        assertThat(url.firstSeen()).isEqualTo(T0);
        assertThat(url.lastSeen()).isEqualTo(T0.plusSeconds(300));
        assertThat(url.tags()).containsExactlyInAnyOrder("phishing", "c2");
        assertThat(url.active()).isTrue();
        assertThat(url.expiresAt()).as("the latest expiry of any source")
                .isEqualTo(T0.plusSeconds(1000).plus(java.time.Duration.ofDays(CteSettings.DEFAULT_AGING_DAYS)));
        assertThat(url.sources().get("cfg-b").expiresAt()).isEqualTo(T0.plusSeconds(9000));
        assertThat(url.sources()).containsOnlyKeys("cfg-a", "cfg-b");
        assertThat(url.sourceIds()).containsExactlyInAnyOrder("cfg-a", "cfg-b");
        assertThat(url.retracted()).isFalse();
        assertThat(url.sources().get("cfg-a")).satisfies(source -> {
            assertThat(source.severity()).isEqualTo(Severity.LOW);
            assertThat(source.reputation()).isEqualTo(7);
            assertThat(source.firstSeen()).isEqualTo(T0.plusSeconds(100));
            assertThat(source.tags()).containsExactly("phishing");
            assertThat(source.comments()).isEqualTo("from A");
            assertThat(source.pluginId()).isEqualTo("test-feed");
        });
        StoredIndicator md5 = mongo.findById("MD5:9e107d9d372bb6826bd81d3542a419d6", StoredIndicator.class);
        assertThat(md5.value()).isEqualTo("9e107d9d372bb6826bd81d3542a419d6");
        assertThat(md5.sources()).containsOnlyKeys("cfg-a", "cfg-b");
    }

    @Test
    void redeliveringABatchChangesNothing() {
        BatchMessage batch = batch("cfg-a", item(Indicator.of(IndicatorType.DOMAIN, "Evil.Example")
                .withSeverity(Severity.MEDIUM).withTags(List.of("x")).withSeen(T0, T0.plusSeconds(5))));
        handler.handle(batch);
        List<Document> first = mongo.getCollection(StoredIndicator.COLLECTION).find().into(new java.util.ArrayList<>());

        handler.handle(batch);

        assertThat(mongo.getCollection(StoredIndicator.COLLECTION).find().into(new java.util.ArrayList<>()))
                .isEqualTo(first);
        StoredIndicator stored = mongo.findById("DOMAIN:evil.example", StoredIndicator.class);
        assertThat(stored.tags()).containsExactly("x");
        assertThat(stored.sources().get("cfg-a").hits()).isEqualTo(1);
    }

    @Test
    void aBatchLargerThanOneBulkIsStoredWholeAndItsRedeliveryChangesNothing() {
        int size = IndicatorWriter.CHUNK * 4 + 17;
        @SuppressWarnings("unchecked")
        Map<String, Object>[] items = java.util.stream.IntStream.range(0, size)
                .mapToObj(i -> item(Indicator.of(IndicatorType.DOMAIN, "d" + i + ".example").withSeverity(Severity.LOW)))
                .toArray(Map[]::new);
        items[size - 1] = item(Indicator.of(IndicatorType.DOMAIN, "not a domain"));
        BatchMessage batch = batch("cfg-a", items);
        handler.handle(batch);
        List<Document> first = mongo.getCollection(StoredIndicator.COLLECTION).find().sort(new Document("_id", 1))
                .into(new java.util.ArrayList<>());

        handler.handle(batch);

        assertThat(first).hasSize(size - 1);
        assertThat(mongo.getCollection(StoredIndicator.COLLECTION).find().sort(new Document("_id", 1))
                .into(new java.util.ArrayList<>())).as("every bulk refused as already stored by this batch")
                .isEqualTo(first);
        assertThat(mongo.findById("DOMAIN:d" + (size - 2) + ".example", StoredIndicator.class).sources().get("cfg-a")
                .hits()).isEqualTo(1);
    }

    @Test
    void everyNewBatchThatReportsAnIndicatorCountsAsAHitAndMovesUpdatedAt() {
        Instant before = clock.instant();
        handler.handle(batch("cfg-a", item(Indicator.of(IndicatorType.MD5, "9e107d9d372bb6826bd81d3542a419d6"))));
        clock.advance(java.time.Duration.ofMinutes(5));
        handler.handle(batch("cfg-a", item(Indicator.of(IndicatorType.MD5, "9e107d9d372bb6826bd81d3542a419d6")),
                item(Indicator.of(IndicatorType.MD5, "9E107D9D372BB6826BD81D3542A419D6"))));

        StoredIndicator stored = mongo.findById("MD5:9e107d9d372bb6826bd81d3542a419d6", StoredIndicator.class);
        assertThat(stored.sources().get("cfg-a").hits()).isEqualTo(2);
        assertThat(stored.updatedAt()).isEqualTo(before.plus(java.time.Duration.ofMinutes(5)));
    }

    @Test
    void theReconciliationPolicyChoosesTheMergedSeverityReputationAndComments() {
        Indicator low = Indicator.of(IndicatorType.DOMAIN, "a.example").withSeverity(Severity.LOW).withReputation(8)
                .withComments("first");
        Indicator high = Indicator.of(IndicatorType.DOMAIN, "a.example").withSeverity(Severity.HIGH).withReputation(2)
                .withComments("second");
        Indicator medium = Indicator.of(IndicatorType.DOMAIN, "a.example").withSeverity(Severity.MEDIUM)
                .withReputation(6).withComments("third");

        Map<ReconciliationPolicy, List<Object>> expected = Map.of(
                ReconciliationPolicy.HIGHEST_SEVERITY, List.of(Severity.HIGH, 2, "first"),
                ReconciliationPolicy.ALWAYS_OVERRIDE, List.of(Severity.MEDIUM, 6, "third"),
                ReconciliationPolicy.NEVER_OVERRIDE, List.of(Severity.LOW, 8, "first"));
        expected.forEach((policy, merged) -> {
            mongo.getCollection(StoredIndicator.COLLECTION).deleteMany(new Document());
            settings.save(new CteSettings(null, policy, 90, Map.of(), false, 60));
            handler.handle(batch("cfg-a", item(low)));
            handler.handle(batch("cfg-b", item(high)));
            handler.handle(batch("cfg-c", item(medium)));

            StoredIndicator stored = mongo.findById("DOMAIN:a.example", StoredIndicator.class);
            assertThat(List.<Object>of(stored.severity(), stored.reputation(), stored.comments()))
                    .as(policy.name()).isEqualTo(merged);
            assertThat(stored.sources()).hasSize(3);
        });
    }

    @Test
    void aSourceReportStaysActiveForTheAgingPeriodOfItsConfiguration() {
        settings.save(new CteSettings(null, null, 30, Map.of("cfg-short", 2), false, 60));
        Instant pulledAt = T0.plusSeconds(1000);

        handler.handle(batch("cfg-a", item(Indicator.of(IndicatorType.IPV4, "10.0.0.1"))));
        handler.handle(batch("cfg-short", item(Indicator.of(IndicatorType.IPV4, "10.0.0.2"))));
        handler.handle(batch("cfg-a", item(Indicator.of(IndicatorType.IPV4, "10.0.0.3")
                .withExpiresAt(pulledAt.plusSeconds(60)))));

        assertThat(mongo.findById("IPV4:10.0.0.1", StoredIndicator.class).expiresAt())
                .isEqualTo(pulledAt.plus(java.time.Duration.ofDays(30)));
        assertThat(mongo.findById("IPV4:10.0.0.2", StoredIndicator.class).expiresAt())
                .isEqualTo(pulledAt.plus(java.time.Duration.ofDays(2)));
        assertThat(mongo.findById("IPV4:10.0.0.3", StoredIndicator.class).sources().get("cfg-a").expiresAt())
                .isEqualTo(pulledAt.plusSeconds(60));
    }

    @Test
    void aReportThatHasAlreadyExpiredDoesNotMakeAnIndicatorActive() {
        handler.handle(batch("cfg-a", item(Indicator.of(IndicatorType.IPV4, "10.0.0.9").withExpiresAt(clock.instant().minusSeconds(1)))));

        StoredIndicator stored = mongo.findById("IPV4:10.0.0.9", StoredIndicator.class);
        assertThat(stored.active()).isFalse();
        assertThat(stored.expiresAt()).isEqualTo(clock.instant().minusSeconds(1));
    }

    @Test
    void invalidItemsAreLoggedAndSkippedWhileTheRestIsStored() {
        Map<String, Object> badReputation = item(Indicator.of(IndicatorType.URL, "https://bad.example/rep"));
        badReputation.put("reputation", 0);
        Map<String, Object> unknownType = item(Indicator.of(IndicatorType.URL, "https://bad.example/type"));
        unknownType.put("type", "BOGUS");
        Map<String, Object> blank = item(Indicator.of(IndicatorType.URL, "   "));
        Map<String, Object> shortHash = item(Indicator.of(IndicatorType.MD5, "9e107d9d"));
        Map<String, Object> badAddress = item(Indicator.of(IndicatorType.IPV4, "300.1.2.3"));

        handler.handle(batch("cfg-a", badReputation, unknownType, blank, shortHash, badAddress,
                item(Indicator.of(IndicatorType.IPV4, "10.0.0.1"))));

        assertThat(mongo.findAll(StoredIndicator.class)).extracting(StoredIndicator::id).containsExactly("IPV4:10.0.0.1");
        assertThat(logs.findAll()).extracting(entry -> entry.message())
                .anySatisfy(message -> assertThat(message).contains("9e107d9d"))
                .anySatisfy(message -> assertThat(message).contains("300.1.2.3"));
        assertThat(logs.findAll()).hasSize(5).allSatisfy(entry -> {
            assertThat(entry.errorCode()).isEqualTo(BatchItems.INVALID_ITEM);
            assertThat(entry.source()).isEqualTo("configuration:cfg-a");
        });
    }

    private Map<String, Object> item(Indicator indicator) {
        return new HashMap<>(json.convertValue(indicator, new TypeReference<Map<String, Object>>() { }));
    }

    @SafeVarargs
    private static BatchMessage batch(String configurationId, Map<String, Object>... items) {
        return new BatchMessage(UUID.randomUUID().toString(), PlatformModule.CTE, configurationId, "test-feed",
                "default", BatchMessage.Kind.INDICATORS, T0.plusSeconds(1000), Arrays.asList(items));
    }
}
