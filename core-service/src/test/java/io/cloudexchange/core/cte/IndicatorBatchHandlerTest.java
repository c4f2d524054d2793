package io.cloudexchange.core.cte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudexchange.core.logging.PlatformLogRepository;
import io.cloudexchange.core.messaging.BatchMessage;
import io.cloudexchange.core.testsupport.MongoTestConfiguration;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(classes = {MongoTestConfiguration.class, IndicatorBatchHandler.class, BatchItems.class})
class IndicatorBatchHandlerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Autowired IndicatorBatchHandler handler;
    @Autowired MongoTemplate mongo;
    @Autowired JsonMapper json;
    @Autowired PlatformLogRepository logs;

    @BeforeEach
    void cleanSlate() {
        mongo.getCollection(StoredIndicator.COLLECTION).deleteMany(new Document());
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
        assertThat(url.expiresAt()).isEqualTo(T0.plusSeconds(9000));
        assertThat(url.sources()).containsOnlyKeys("cfg-a", "cfg-b");
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
        assertThat(mongo.findById("DOMAIN:evil.example", StoredIndicator.class).tags()).containsExactly("x");
    }

    @Test
    void invalidItemsAreLoggedAndSkippedWhileTheRestIsStored() {
        Map<String, Object> badReputation = item(Indicator.of(IndicatorType.URL, "https://bad.example/rep"));
        badReputation.put("reputation", 0);
        Map<String, Object> unknownType = item(Indicator.of(IndicatorType.URL, "https://bad.example/type"));
        unknownType.put("type", "BOGUS");
        Map<String, Object> blank = item(Indicator.of(IndicatorType.URL, "   "));

        handler.handle(batch("cfg-a", badReputation, unknownType, blank,
                item(Indicator.of(IndicatorType.IPV4, "10.0.0.1"))));

        assertThat(mongo.findAll(StoredIndicator.class)).extracting(StoredIndicator::id).containsExactly("IPV4:10.0.0.1");
        assertThat(logs.findAll()).hasSize(3).allSatisfy(entry -> {
            assertThat(entry.errorCode()).isEqualTo(BatchItems.INVALID_ITEM);
            assertThat(entry.source()).isEqualTo("configuration:cfg-a");
        });
    }

    @Test
    void theListingShowsTheMostRecentlySeenIndicatorsFirst() throws Exception {
        handler.handle(batch("cfg-a",
                item(Indicator.of(IndicatorType.URL, "https://old.example").withSeen(T0, T0)),
                item(Indicator.of(IndicatorType.URL, "https://new.example").withSeverity(Severity.CRITICAL)
                        .withSeen(T0, T0.plusSeconds(60)))));
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new IndicatorController(mongo)).build();

        mvc.perform(get("/api/cte/indicators").param("page", "0").param("size", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(1))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].value").value("https://new.example"))
                .andExpect(jsonPath("$.items[0].type").value("URL"))
                .andExpect(jsonPath("$.items[0].severity").value("CRITICAL"))
                .andExpect(jsonPath("$.items[0].sources[0].configurationId").value("cfg-a"))
                .andExpect(jsonPath("$.items[0].lastSeen").value("2026-01-01T00:01:00Z"));
        mvc.perform(get("/api/cte/indicators").param("page", "1").param("size", "1"))
                .andExpect(jsonPath("$.items[0].value").value("https://old.example"));
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
