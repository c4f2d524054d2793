package io.cloudexchange.core.cto;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.cloudexchange.core.messaging.BatchHandler;
import io.cloudexchange.core.messaging.BatchMessage;
import io.cloudexchange.core.messaging.ConditionalOnWorkers;
import io.cloudexchange.core.workers.BatchItems;
import io.cloudexchange.core.workers.BatchWrites.Upsert;
import io.cloudexchange.core.workers.BatchWrites;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.log.Alert;
import java.util.List;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Stores pulled alerts in {@code cto_alerts}, one document per source configuration and alert id. */
@Component
@ConditionalOnWorkers
class AlertBatchHandler implements BatchHandler {

    static final String COLLECTION = "cto_alerts";

    private final MongoOperations mongo;
    private final BatchItems items;

    AlertBatchHandler(MongoOperations mongo, BatchItems items) {
        this.mongo = mongo;
        this.items = items;
    }

    @Override
    public PlatformModule module() {
        return PlatformModule.CTO;
    }

    @Override
    public void handle(BatchMessage batch) {
        if (batch.kind() != BatchMessage.Kind.ALERTS) {
            throw new IllegalArgumentException("the CTO worker stores alerts, not " + batch.kind());
        }
        List<Upsert> upserts = items.read(batch, Alert.class).stream().map(alert -> upsert(batch, alert)).toList();
        BatchWrites.upsertAll(mongo, COLLECTION, batch, upserts);
    }

    private static Upsert upsert(BatchMessage batch, Alert alert) {
        Update update = new Update()
                .set("configurationId", batch.configurationId())
                .set("pluginId", batch.pluginId())
                .set("alertId", alert.id())
                .set("alertName", alert.alertName())
                .set("alertType", alert.alertType())
                .set("app", alert.app())
                .set("appCategory", alert.appCategory())
                .set("user", alert.user())
                .set("timestamp", alert.timestamp())
                .set("raw", alert.raw())
                .set("receivedAt", batch.createdAt());
        return new Upsert(Query.query(where("_id").is(batch.configurationId() + ":" + alert.id())), update);
    }
}
