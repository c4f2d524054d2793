package io.cloudexchange.core.cte;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.MongoException;
import io.cloudexchange.core.runtime.MongoKeys;
import io.cloudexchange.plugin.api.RejectedItem;
import io.cloudexchange.plugin.api.cte.Indicator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Stores indicators one source reported, in two unordered bulk writes whatever the batch size: upserts that
 * give the same result however often a batch is delivered ($min, $max, $addToSet, $set), then hit counts,
 * counted once per batch id (a redelivered batch matches no document).
 */
@Component
public class IndicatorWriter {

    /** What a source reported in one pull (or one API call). */
    public record Report(String configurationId, String pluginId, String batchId, Instant reportedAt,
                         List<Indicator> indicators) {
    }

    /** How many indicators were stored and which were refused, with why. */
    public record Outcome(int stored, List<RejectedItem> rejected) {
    }

    private final MongoOperations mongo;
    private final CteSettingsStore settings;
    private final Clock clock;

    IndicatorWriter(MongoOperations mongo, CteSettingsStore settings, Clock clock) {
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @throws DataAccessException or {@link MongoException} when the database fails; the whole report can be
     *     written again
     */
    public Outcome write(Report report) {
        CteSettings current = settings.current();
        Instant now = clock.instant();
        String source = "sources." + MongoKeys.escape(report.configurationId()) + ".";
        List<RejectedItem> rejected = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        BulkOperations upserts = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, StoredIndicator.COLLECTION);
        for (Indicator indicator : report.indicators()) {
            IndicatorValues.Checked checked = IndicatorValues.check(indicator.type(), indicator.value());
            if (checked.problem() != null) {
                rejected.add(new RejectedItem(indicator.type() + " " + indicator.value(), checked.problem()));
                continue;
            }
            String id = IndicatorValues.id(indicator.type(), checked.value());
            ids.add(id);
            upserts.upsert(Query.query(where("_id").is(id)),
                    update(report, indicator, checked.value(), source, current, now));
        }
        if (ids.isEmpty()) {
            return new Outcome(0, rejected);
        }
        upserts.execute();
        BulkOperations hits = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, StoredIndicator.COLLECTION);
        for (String id : ids) {
            hits.updateOne(Query.query(where("_id").is(id).and(source + "lastBatchId").ne(report.batchId())),
                    new Update().inc(source + "hits", 1).set(source + "lastBatchId", report.batchId())
                            .set("updatedAt", now));
        }
        hits.execute();
        return new Outcome(ids.size(), rejected);
    }

    private static Update update(Report report, Indicator indicator, String value, String source, CteSettings settings,
                                 Instant now) {
        Instant firstSeen = indicator.firstSeen() != null ? indicator.firstSeen() : report.reportedAt();
        Instant lastSeen = indicator.lastSeen() != null ? indicator.lastSeen() : report.reportedAt();
        Instant expiresAt = indicator.expiresAt() != null ? indicator.expiresAt()
                : report.reportedAt().plus(Duration.ofDays(settings.agingDays(report.configurationId())));
        Update update = new Update()
                .setOnInsert("type", indicator.type().name())
                .setOnInsert("value", value)
                .setOnInsert("retracted", false)
                .min("firstSeen", firstSeen)
                .max("lastSeen", lastSeen)
                .max("expiresAt", expiresAt)
                .addToSet("sourceIds", report.configurationId())
                .set(source + "configurationId", report.configurationId())
                .set(source + "pluginId", report.pluginId())
                .set(source + "severity", indicator.severity().name())
                .set(source + "reputation", indicator.reputation())
                .min(source + "firstSeen", firstSeen)
                .max(source + "lastSeen", lastSeen)
                .set(source + "tags", indicator.tags())
                .set(source + "comments", indicator.comments())
                .set(source + "expiresAt", expiresAt)
                .set(source + "retracted", false);
        if (expiresAt.isAfter(now)) {
            update.set("active", true);
        } else {
            update.setOnInsert("active", false);
        }
        switch (settings.reconciliationPolicy()) {
            case ALWAYS_OVERRIDE -> update.set("severityRank", indicator.severity().ordinal())
                    .set("reputation", indicator.reputation()).set("comments", indicator.comments());
            case NEVER_OVERRIDE -> update.setOnInsert("severityRank", indicator.severity().ordinal())
                    .setOnInsert("reputation", indicator.reputation()).setOnInsert("comments", indicator.comments());
            case HIGHEST_SEVERITY -> update.max("severityRank", indicator.severity().ordinal())
                    .min("reputation", indicator.reputation()).setOnInsert("comments", indicator.comments());
        }
        if (!indicator.tags().isEmpty()) {
            update.addToSet("tags").each(indicator.tags().toArray());
        }
        return update;
    }
}
