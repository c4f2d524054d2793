package io.cloudexchange.core.cto;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.core.logging.PlatformLogRepository;
import io.cloudexchange.core.messaging.BatchMessage;
import io.cloudexchange.core.testsupport.MongoTestConfiguration;
import io.cloudexchange.core.workers.BatchItems;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.log.Alert;
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

@SpringBootTest(classes = {MongoTestConfiguration.class, AlertBatchHandler.class, BatchItems.class})
class AlertBatchHandlerTest {

    private static final Instant T0 = Instant.parse("2026-02-01T00:00:00Z");

    @Autowired AlertBatchHandler handler;
    @Autowired MongoTemplate mongo;
    @Autowired JsonMapper json;
    @Autowired PlatformLogRepository logs;

    @BeforeEach
    void cleanSlate() {
        mongo.getCollection(AlertBatchHandler.COLLECTION).deleteMany(new Document());
        logs.deleteAll();
    }

    @Test
    void alertsAreUpsertedByConfigurationAndIdAndInvalidOnesSkipped() {
        Map<String, Object> missingType = item(alert("3", "policy"));
        missingType.remove("alertType");
        BatchMessage batch = batch(item(alert("1", "dlp")), item(alert("2", "malware")), missingType);

        handler.handle(batch);
        handler.handle(batch);
        handler.handle(batch(item(alert("1", "dlp-updated"))));

        List<Document> stored = mongo.getCollection(AlertBatchHandler.COLLECTION).find().into(new ArrayList<>());
        assertThat(stored).extracting(document -> document.get("_id")).containsExactlyInAnyOrder("cfg-a:1", "cfg-a:2");
        assertThat(stored).filteredOn(document -> "cfg-a:1".equals(document.get("_id"))).singleElement()
                .satisfies(document -> {
                    assertThat(document.get("alertType")).isEqualTo("dlp-updated");
                    assertThat(document.get("user")).isEqualTo("ann@example.com");
                    assertThat(document.get("raw", Document.class)).containsEntry("policy", "Block uploads");
                });
        assertThat(logs.findAll()).extracting(entry -> entry.errorCode()).containsOnly(BatchItems.INVALID_ITEM);
    }

    private static Alert alert(String id, String type) {
        return new Alert(id, "Block uploads", type, "Dropbox", "Cloud Storage", "ann@example.com", T0,
                Map.of("policy", "Block uploads"));
    }

    private Map<String, Object> item(Alert alert) {
        return new java.util.HashMap<>(json.convertValue(alert, new TypeReference<Map<String, Object>>() { }));
    }

    @SafeVarargs
    private static BatchMessage batch(Map<String, Object>... items) {
        return new BatchMessage(UUID.randomUUID().toString(), PlatformModule.CTO, "cfg-a", "alert-source", "default",
                BatchMessage.Kind.ALERTS, T0.plusSeconds(60), List.of(items));
    }
}
