package io.cloudexchange.core.cte;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import io.cloudexchange.core.runtime.MongoKeys;
import io.cloudexchange.plugin.api.RejectedItem;
import io.cloudexchange.plugin.api.cte.Indicator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Stores indicators one source reported, in one unordered bulk of upserts whatever the batch size, one per
 * indicator (a value reported twice in a batch: its last report). Each upsert names the batch: it applies only to a
 * document this batch has not updated yet, so a redelivered batch changes nothing and counts no second hit, and
 * whatever a source reports is stored at once, with its hit.
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

    private static final int DUPLICATE_KEY = 11000;
    private static final int MAX_ATTEMPTS = 3;

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
        String sourceKey = MongoKeys.escape(report.configurationId());
        String source = "sources." + sourceKey + ".";
        List<RejectedItem> rejected = new ArrayList<>();
        Map<String, Update> updates = new LinkedHashMap<>();
        int stored = 0;
        for (Indicator indicator : report.indicators()) {
            IndicatorValues.Checked checked = IndicatorValues.check(indicator.type(), indicator.value());
            if (checked.problem() != null) {
                rejected.add(new RejectedItem(indicator.type() + " " + indicator.value(), checked.problem()));
                continue;
            }
            stored++;
            updates.put(IndicatorValues.id(indicator.type(), checked.value()),
                    update(report, indicator, checked.value(), source, current, now)
                            .inc(source + "hits", 1).set(source + "lastBatchId", report.batchId()).set("updatedAt", now));
        }
        List<String> pending = new ArrayList<>(updates.keySet());
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            List<String> refused = upsert(pending, updates, source, report.batchId());
            pending = notYetStored(refused, sourceKey, report.batchId());
            if (!pending.isEmpty() && attempt == MAX_ATTEMPTS) {
                throw new ConcurrentStoreException(pending.size() + " indicators of batch " + report.batchId()
                        + " were refused " + MAX_ATTEMPTS + " times as duplicates although this batch did not store them");
            }
        }
        return new Outcome(stored, rejected);
    }

    /**
     * Upserts each indicator unless this batch updated it already, and returns those the database refused as
     * duplicate keys. An upsert's filter names the batch; for a document that holds it, the filter matches nothing
     * and the server tries an insert of an {@code _id} that exists. The same happens when another writer inserted the
     * indicator after this upsert looked for it (two sources' batches at once): the caller tells the two apart.
     */
    private List<String> upsert(List<String> ids, Map<String, Update> updates, String source, String batchId) {
        BulkOperations upserts = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, StoredIndicator.COLLECTION);
        for (String id : ids) {
            upserts.upsert(Query.query(where("_id").is(id).and(source + "lastBatchId").ne(batchId)), updates.get(id));
        }
        try {
            upserts.execute();
            return List.of();
        } catch (DataAccessException e) {
            MongoBulkWriteException bulk = bulkFailure(e);
            if (bulk == null || bulk.getWriteConcernError() != null
                    || !bulk.getWriteErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY)) {
                throw e;
            }
            return bulk.getWriteErrors().stream().map(error -> ids.get(error.getIndex())).toList();
        }
    }

    /** Of indicators refused as duplicates, those this batch has not stored (another writer inserted them first). */
    private List<String> notYetStored(List<String> refused, String sourceKey, String batchId) {
        if (refused.isEmpty()) {
            return List.of();
        }
        Set<String> stored = new HashSet<>();
        List<String> batchField = List.of("sources", sourceKey, "lastBatchId");
        Query query = Query.query(where("_id").in(refused));
        query.fields().include(String.join(".", batchField));
        for (Document document : mongo.find(query, Document.class, StoredIndicator.COLLECTION)) {
            if (batchId.equals(document.getEmbedded(batchField, String.class))) {
                stored.add(document.getString("_id"));
            }
        }
        return refused.stream().filter(id -> !stored.contains(id)).toList();
    }

    private static MongoBulkWriteException bulkFailure(DataAccessException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoBulkWriteException bulk) {
                return bulk;
            }
        }
        return null;
    }

    /** Indicators kept being inserted by other writers between this writer's attempts; the batch is retried later. */
    static final class ConcurrentStoreException extends DataAccessException {
        ConcurrentStoreException(String message) {
            super(message);
        }
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
