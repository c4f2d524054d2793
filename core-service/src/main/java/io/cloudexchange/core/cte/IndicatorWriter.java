package io.cloudexchange.core.cte;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.google.common.collect.Lists;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import io.cloudexchange.core.concurrent.Futures;
import io.cloudexchange.core.runtime.MongoKeys;
import io.cloudexchange.plugin.api.RejectedItem;
import io.cloudexchange.plugin.api.cte.Indicator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import org.bson.Document;
import org.bson.codecs.configuration.CodecRegistry;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
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
    /** Upserts per bulk; a batch of more is written as several bulks at once ({@link #upsert}). */
    static final int CHUNK = 250;
    /** Bulks of one batch written at once, the caller's own among them. */
    private static final int PARALLEL_BULKS = 4;

    private final MongoOperations mongo;
    private final CteSettingsStore settings;
    private final Clock clock;
    private volatile CodecRegistry plainCodecs;
    private final ThreadPoolExecutor helpers = Futures.helpers("indicator-writer-", PARALLEL_BULKS - 1);

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
        Map<String, Document> updates = new LinkedHashMap<>();
        int stored = 0;
        for (Indicator indicator : report.indicators()) {
            IndicatorValues.Checked checked = IndicatorValues.check(indicator.type(), indicator.value());
            if (checked.problem() != null) {
                rejected.add(new RejectedItem(indicator.type() + " " + indicator.value(), checked.problem()));
                continue;
            }
            stored++;
            updates.put(IndicatorValues.id(indicator.type(), checked.value()),
                    update(report, indicator, checked.value(), source, current, now));
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
     * <p>
     * A large batch is written as several unordered bulks at once, on connections of their own: while the database
     * applies and commits one, the next is encoded and sent (the indicators of a batch are distinct, so the bulks
     * never touch the same document). On the embedded store, whose commit of a bulk makes the next wait, this
     * overlaps the commit with the next bulk's work; on MongoDB the bulks are applied in parallel.
     */
    private List<String> upsert(List<String> ids, Map<String, Document> updates, String source, String batchId) {
        List<List<String>> chunks = Lists.partition(ids, CHUNK);
        List<Future<List<String>>> others = new ArrayList<>();
        for (List<String> chunk : chunks.subList(1, chunks.size())) {
            others.add(helpers.submit(() -> upsertChunk(chunk, updates, source, batchId)));
        }
        List<String> refused = new ArrayList<>();
        RuntimeException failure = null;
        try {
            refused.addAll(upsertChunk(chunks.get(0), updates, source, batchId));
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<List<String>> other : others) {
            try {
                refused.addAll(Futures.result(other, "storing indicators"));
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return refused;
    }

    /**
     * One unordered bulk of upserts. The filters and updates are written as BSON documents, straight to the driver:
     * they name no mapped type, and Spring's query and update mapping was a third of the time the writer took. They
     * are encoded by {@link PlainDocumentCodec}.
     */
    private List<String> upsertChunk(List<String> ids, Map<String, Document> updates, String source, String batchId) {
        List<UpdateOneModel<Document>> upserts = new ArrayList<>(ids.size());
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        for (String id : ids) {
            Document filter = new Document("_id", id).append(source + "lastBatchId", new Document("$ne", batchId));
            upserts.add(new UpdateOneModel<>(filter, updates.get(id), upsert));
        }
        try {
            MongoCollection<Document> indicators = mongo.getCollection(StoredIndicator.COLLECTION);
            indicators.withCodecRegistry(plainCodecs(indicators)).bulkWrite(upserts, new BulkWriteOptions().ordered(false));
            return List.of();
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null
                    || !e.getWriteErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY)) {
                throw e;
            }
            return e.getWriteErrors().stream().map(error -> ids.get(error.getIndex())).toList();
        }
    }

    private CodecRegistry plainCodecs(MongoCollection<Document> indicators) {
        CodecRegistry codecs = plainCodecs;
        if (codecs == null) {
            codecs = PlainDocumentCodec.over(indicators.getCodecRegistry());
            plainCodecs = codecs;
        }
        return codecs;
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

    /** Indicators kept being inserted by other writers between this writer's attempts; the batch is retried later. */
    static final class ConcurrentStoreException extends DataAccessException {
        ConcurrentStoreException(String message) {
            super(message);
        }
    }

    /** The upsert of one indicator: its merged fields, and its record of this source with this batch's hit. */
    private static Document update(Report report, Indicator indicator, String value, String source,
                                   CteSettings settings, Instant now) {
        Instant firstSeen = indicator.firstSeen() != null ? indicator.firstSeen() : report.reportedAt();
        Instant lastSeen = indicator.lastSeen() != null ? indicator.lastSeen() : report.reportedAt();
        Instant expiresAt = indicator.expiresAt() != null ? indicator.expiresAt()
                : report.reportedAt().plus(Duration.ofDays(settings.agingDays(report.configurationId())));
        Date first = Date.from(firstSeen);
        Date last = Date.from(lastSeen);
        Date expires = Date.from(expiresAt);
        Document set = new Document(source + "configurationId", report.configurationId())
                .append(source + "pluginId", report.pluginId())
                .append(source + "severity", indicator.severity().name())
                .append(source + "reputation", indicator.reputation())
                .append(source + "tags", indicator.tags())
                .append(source + "comments", indicator.comments())
                .append(source + "expiresAt", expires)
                .append(source + "retracted", false)
                .append(source + "lastBatchId", report.batchId())
                .append("updatedAt", Date.from(now));
        Document setOnInsert = new Document("type", indicator.type().name()).append("value", value)
                .append("retracted", false);
        Document min = new Document("firstSeen", first).append(source + "firstSeen", first);
        Document max = new Document("lastSeen", last).append("expiresAt", expires).append(source + "lastSeen", last);
        if (expiresAt.isAfter(now)) {
            set.append("active", true);
        } else {
            setOnInsert.append("active", false);
        }
        int severityRank = indicator.severity().ordinal();
        switch (settings.reconciliationPolicy()) {
            case ALWAYS_OVERRIDE -> set.append("severityRank", severityRank)
                    .append("reputation", indicator.reputation()).append("comments", indicator.comments());
            case NEVER_OVERRIDE -> setOnInsert.append("severityRank", severityRank)
                    .append("reputation", indicator.reputation()).append("comments", indicator.comments());
            case HIGHEST_SEVERITY -> {
                max.append("severityRank", severityRank);
                min.append("reputation", indicator.reputation());
                setOnInsert.append("comments", indicator.comments());
            }
        }
        Document addToSet = new Document("sourceIds", report.configurationId());
        if (!indicator.tags().isEmpty()) {
            addToSet.append("tags", new Document("$each", indicator.tags()));
        }
        return new Document("$setOnInsert", setOnInsert).append("$min", min).append("$max", max)
                .append("$addToSet", addToSet).append("$set", set).append("$inc", new Document(source + "hits", 1));
    }
}
