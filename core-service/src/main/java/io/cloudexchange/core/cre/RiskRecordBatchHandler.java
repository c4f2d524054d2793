package io.cloudexchange.core.cre;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.cloudexchange.core.messaging.BatchHandler;
import io.cloudexchange.core.messaging.BatchMessage;
import io.cloudexchange.core.messaging.ConditionalOnWorkers;
import io.cloudexchange.core.workers.BatchItems;
import io.cloudexchange.core.workers.BatchWrites.Upsert;
import io.cloudexchange.core.workers.BatchWrites;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.cre.RiskRecord;
import java.util.List;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Stores pulled risk records in {@code cre_records}, one document per entity and uid. */
@Component
@ConditionalOnWorkers
class RiskRecordBatchHandler implements BatchHandler {

    static final String COLLECTION = "cre_records";

    private final MongoOperations mongo;
    private final BatchItems items;

    RiskRecordBatchHandler(MongoOperations mongo, BatchItems items) {
        this.mongo = mongo;
        this.items = items;
    }

    @Override
    public PlatformModule module() {
        return PlatformModule.CRE;
    }

    @Override
    public void handle(BatchMessage batch) {
        if (batch.kind() != BatchMessage.Kind.RISK_RECORDS) {
            throw new IllegalArgumentException("the CRE worker stores risk records, not " + batch.kind());
        }
        List<Upsert> upserts = items.read(batch, RiskRecord.class).stream().map(record -> upsert(batch, record)).toList();
        BatchWrites.upsertAll(mongo, COLLECTION, batch, upserts);
    }

    private static Upsert upsert(BatchMessage batch, RiskRecord record) {
        Update update = new Update()
                .set("entity", record.entity())
                .set("uid", record.uid())
                .set("fields", record.fields())
                .set("normalizedScore", record.normalizedScore())
                .set("configurationId", batch.configurationId())
                .set("pluginId", batch.pluginId())
                .set("updatedAt", batch.createdAt());
        return new Upsert(Query.query(where("_id").is(record.entity() + ":" + record.uid())), update);
    }
}
