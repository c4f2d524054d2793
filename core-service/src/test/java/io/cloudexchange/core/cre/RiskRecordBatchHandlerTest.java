package io.cloudexchange.core.cre;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.core.messaging.BatchMessage;
import io.cloudexchange.core.testsupport.MongoTestConfiguration;
import io.cloudexchange.core.workers.BatchItems;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.cre.RiskRecord;
import java.time.Instant;
import java.util.ArrayList;
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

@SpringBootTest(classes = {MongoTestConfiguration.class, RiskRecordBatchHandler.class, BatchItems.class})
class RiskRecordBatchHandlerTest {

    @Autowired RiskRecordBatchHandler handler;
    @Autowired MongoTemplate mongo;
    @Autowired JsonMapper json;

    @BeforeEach
    void cleanSlate() {
        mongo.getCollection(RiskRecordBatchHandler.COLLECTION).deleteMany(new Document());
    }

    @Test
    void recordsAreUpsertedByEntityAndUidAndOutOfRangeScoresSkipped() {
        Map<String, Object> badScore = item(new RiskRecord("users", "bob@example.com", Map.of(), 10));
        badScore.put("normalizedScore", 5000);

        handler.handle(batch(item(new RiskRecord("users", "ann@example.com", Map.of("department", "R&D"), 300)),
                item(new RiskRecord("devices", "ann@example.com", Map.of(), 900)), badScore));
        handler.handle(batch(item(new RiskRecord("users", "ann@example.com", Map.of("department", "Sales"), 800))));

        List<Document> stored = mongo.getCollection(RiskRecordBatchHandler.COLLECTION).find().into(new ArrayList<>());
        assertThat(stored).extracting(document -> document.get("_id"))
                .containsExactlyInAnyOrder("users:ann@example.com", "devices:ann@example.com");
        assertThat(stored).filteredOn(document -> "users:ann@example.com".equals(document.get("_id"))).singleElement()
                .satisfies(document -> {
                    assertThat(document.get("normalizedScore")).isEqualTo(800);
                    assertThat(document.get("fields", Document.class)).containsEntry("department", "Sales");
                });
    }

    private Map<String, Object> item(RiskRecord record) {
        return new java.util.HashMap<>(json.convertValue(record, new TypeReference<Map<String, Object>>() { }));
    }

    @SafeVarargs
    private static BatchMessage batch(Map<String, Object>... items) {
        return new BatchMessage(UUID.randomUUID().toString(), PlatformModule.CRE, "cfg-r", "risk-source", "users",
                BatchMessage.Kind.RISK_RECORDS, Instant.parse("2026-03-01T00:00:00Z"), List.of(items));
    }
}
