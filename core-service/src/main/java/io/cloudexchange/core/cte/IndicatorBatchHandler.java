package io.cloudexchange.core.cte;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.cloudexchange.core.messaging.BatchHandler;
import io.cloudexchange.core.messaging.BatchMessage;
import io.cloudexchange.core.messaging.ConditionalOnWorkers;
import io.cloudexchange.core.runtime.MongoKeys;
import io.cloudexchange.core.workers.BatchItems;
import io.cloudexchange.core.workers.BatchWrites.Upsert;
import io.cloudexchange.core.workers.BatchWrites;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.cte.Indicator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Stores pulled indicators: one document per type and normalised value, merged across sources with
 * operators that give the same result however often a batch is delivered ($min, $max, $addToSet, $set).
 */
@Component
@ConditionalOnWorkers
class IndicatorBatchHandler implements BatchHandler {

    private final MongoOperations mongo;
    private final BatchItems items;
    private final Clock clock;

    IndicatorBatchHandler(MongoOperations mongo, BatchItems items, Clock clock) {
        this.mongo = mongo;
        this.items = items;
        this.clock = clock;
    }

    @Override
    public PlatformModule module() {
        return PlatformModule.CTE;
    }

    @Override
    public void handle(BatchMessage batch) {
        if (batch.kind() != BatchMessage.Kind.INDICATORS) {
            throw new IllegalArgumentException("the CTE worker stores indicators, not " + batch.kind());
        }
        List<Upsert> upserts = new ArrayList<>();
        for (Indicator indicator : items.read(batch, Indicator.class)) {
            String value = IndicatorValues.normalise(indicator.type(), indicator.value());
            if (value.isEmpty()) {
                items.skip(batch, indicator, "the value is empty");
                continue;
            }
            upserts.add(upsert(batch, indicator, value));
        }
        BatchWrites.upsertAll(mongo, StoredIndicator.COLLECTION, batch, upserts);
    }

    private Upsert upsert(BatchMessage batch, Indicator indicator, String value) {
        Instant pulledAt = batch.createdAt() == null ? clock.instant() : batch.createdAt();
        Instant firstSeen = indicator.firstSeen() != null ? indicator.firstSeen() : pulledAt;
        Instant lastSeen = indicator.lastSeen() != null ? indicator.lastSeen() : pulledAt;
        String source = "sources." + MongoKeys.escape(batch.configurationId()) + ".";
        Update update = new Update()
                .setOnInsert("type", indicator.type().name())
                .setOnInsert("value", value)
                .set("active", true)
                .max("severityRank", indicator.severity().ordinal())
                .min("reputation", indicator.reputation())
                .min("firstSeen", firstSeen)
                .max("lastSeen", lastSeen)
                .set(source + "configurationId", batch.configurationId())
                .set(source + "pluginId", batch.pluginId())
                .set(source + "severity", indicator.severity().name())
                .set(source + "reputation", indicator.reputation())
                .min(source + "firstSeen", firstSeen)
                .max(source + "lastSeen", lastSeen)
                .set(source + "tags", indicator.tags())
                .set(source + "comments", indicator.comments());
        if (!indicator.tags().isEmpty()) {
            update.addToSet("tags").each(indicator.tags().toArray());
        }
        if (indicator.expiresAt() != null) {
            update.set(source + "expiresAt", indicator.expiresAt()).max("expiresAt", indicator.expiresAt());
        }
        return new Upsert(Query.query(where("_id").is(IndicatorValues.id(indicator.type(), value))), update);
    }
}
