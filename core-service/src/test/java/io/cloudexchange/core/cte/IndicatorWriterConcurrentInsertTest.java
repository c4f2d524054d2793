package io.cloudexchange.core.cte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoClientSettings;
import com.mongodb.ServerAddress;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import io.cloudexchange.plugin.api.cte.Indicator;
import io.cloudexchange.plugin.api.cte.IndicatorType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;

/**
 * What real MongoDB answers when two writers insert the same new indicator at once: the slower upsert is refused as
 * a duplicate key although its batch stored nothing. The embedded server runs one command at a time, so this race
 * cannot be produced against it; the database is replaced here by what MongoDB returns (a bulk write error, code
 * 11000, with the index of the refused upsert).
 */
class IndicatorWriterConcurrentInsertTest {

    private static final String BATCH = "batch-7";
    private final MongoOperations mongo = mock(MongoOperations.class);
    private final CteSettingsStore settings = mock(CteSettingsStore.class);
    private final IndicatorWriter writer = new IndicatorWriter(mongo, settings,
            Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC));
    private final List<List<String>> upsertedIds = new ArrayList<>();

    @Test
    void anIndicatorAnotherWriterInsertedFirstIsUpsertedAgainAndOneThisBatchHoldsIsNot() {
        when(settings.current()).thenReturn(CteSettings.defaults());
        bulks(refused(1, 2), null);
        when(mongo.find(any(Query.class), eq(Document.class), eq(StoredIndicator.COLLECTION))).thenReturn(List.of(
                stored("DOMAIN:b.example", BATCH), stored("DOMAIN:c.example", "batch-of-another-source")));

        IndicatorWriter.Outcome outcome = writer.write(report("a.example", "b.example", "c.example"));

        assertThat(outcome.stored()).isEqualTo(3);
        assertThat(upsertedIds).containsExactly(
                List.of("DOMAIN:a.example", "DOMAIN:b.example", "DOMAIN:c.example"),
                List.of("DOMAIN:c.example"));
    }

    @Test
    void anIndicatorRefusedAtEveryAttemptFailsTheBatchSoThatItIsDeliveredAgain() {
        when(settings.current()).thenReturn(CteSettings.defaults());
        bulks(refused(0), refused(0), refused(0));
        when(mongo.find(any(Query.class), eq(Document.class), eq(StoredIndicator.COLLECTION)))
                .thenReturn(List.of(stored("DOMAIN:a.example", "batch-of-another-source")));

        assertThatThrownBy(() -> writer.write(report("a.example")))
                .isInstanceOf(IndicatorWriter.ConcurrentStoreException.class).hasMessageContaining(BATCH);
        assertThat(upsertedIds).hasSize(3);
    }

    @Test
    void anyOtherWriteErrorFailsTheBatch() {
        when(settings.current()).thenReturn(CteSettings.defaults());
        MongoBulkWriteException otherError = new MongoBulkWriteException(BulkWriteResult.unacknowledged(),
                List.of(new BulkWriteError(11000, "E11000", new BsonDocument(), 0),
                        new BulkWriteError(2, "bad value", new BsonDocument(), 1)), null, new ServerAddress(), Set.of());
        bulks(otherError);

        assertThatThrownBy(() -> writer.write(report("a.example", "b.example"))).isSameAs(otherError);
    }

    /** Each bulk of the writer, in turn: the given failure, or success for null. */
    @SuppressWarnings("unchecked")
    private void bulks(RuntimeException... failures) {
        MongoCollection<Document> indicators = mock(MongoCollection.class);
        when(mongo.getCollection(StoredIndicator.COLLECTION)).thenReturn(indicators);
        when(indicators.getCodecRegistry()).thenReturn(MongoClientSettings.getDefaultCodecRegistry());
        when(indicators.withCodecRegistry(any())).thenReturn(indicators);
        var stubbing = when(indicators.bulkWrite(anyList(), any(BulkWriteOptions.class)));
        for (RuntimeException failure : failures) {
            stubbing = stubbing.thenAnswer(call -> {
                List<String> ids = new ArrayList<>();
                for (WriteModel<Document> model : (List<WriteModel<Document>>) call.getArgument(0)) {
                    UpdateOneModel<Document> upsert = (UpdateOneModel<Document>) model;
                    assertThat(upsert.getOptions().isUpsert()).isTrue();
                    ids.add(((Document) upsert.getFilter()).getString("_id"));
                }
                upsertedIds.add(ids);
                if (failure != null) {
                    throw failure;
                }
                return BulkWriteResult.unacknowledged();
            });
        }
    }

    private static MongoBulkWriteException refused(int... indexes) {
        List<BulkWriteError> errors = new ArrayList<>();
        for (int index : indexes) {
            errors.add(new BulkWriteError(11000, "E11000 duplicate key error", new BsonDocument(), index));
        }
        return new MongoBulkWriteException(BulkWriteResult.unacknowledged(), errors, null, new ServerAddress(), Set.of());
    }

    private static Document stored(String id, String lastBatchId) {
        return new Document("_id", id).append("sources", new Document("feed", new Document("lastBatchId", lastBatchId)));
    }

    private static IndicatorWriter.Report report(String... domains) {
        List<Indicator> indicators = new ArrayList<>();
        for (String domain : domains) {
            indicators.add(Indicator.of(IndicatorType.DOMAIN, domain));
        }
        return new IndicatorWriter.Report("feed", "test-feed", BATCH, Instant.parse("2030-01-01T00:00:00Z"), indicators);
    }
}
