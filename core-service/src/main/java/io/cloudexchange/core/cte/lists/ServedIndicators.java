package io.cloudexchange.core.cte.lists;

import com.mongodb.client.MongoCursor;
import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.core.concurrent.Futures;
import io.cloudexchange.core.cte.IndicatorQueryFields;
import io.cloudexchange.core.query.QueryErrors;
import io.cloudexchange.core.query.QueryException;
import io.cloudexchange.plugin.api.cte.IndicatorType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * The indicators the served lists show: active (a missing {@code active} counts as active), not
 * retracted, optionally of one type and matching a query. Read with a cursor, a batch at a time, so a
 * list of a million values never sits in memory.
 */
@Component
class ServedIndicators {

    static final String COLLECTION = "indicators";
    private static final int BATCH_SIZE = 5_000;
    private static final Document BY_ID = new Document("_id", 1);

    private final MongoOperations mongo;
    private final Clock clock;

    ServedIndicators(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    static IndicatorType type(String name) {
        try {
            return IndicatorType.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.field("type", "unknown indicator type '" + name + "'; known: "
                    + Arrays.stream(IndicatorType.values()).map(t -> t.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", ")));
        }
    }

    /** The filter of a list; {@code q} in the query language (fields of {@code IndicatorQueryFields}). */
    Document filter(IndicatorType type, String q) {
        List<Document> conditions = new ArrayList<>();
        conditions.add(new Document("active", new Document("$ne", false)));
        conditions.add(new Document("retracted", new Document("$ne", true)));
        if (type != null) {
            conditions.add(new Document("type", new Document("$eq", type.name())));
        }
        if (q != null && !q.isBlank()) {
            try {
                conditions.add(IndicatorQueryFields.FIELDS.compile(q, clock).toMongoFilter());
            } catch (QueryException e) {
                throw QueryErrors.invalidRequest("q", e);
            }
        }
        return new Document("$and", conditions);
    }

    /**
     * Each matching document, projected, in {@code sort} order, a cursor batch at a time. In {@code _id} order, a
     * page at a time from the last {@code _id} on (the projection must keep {@code _id}): the same documents, but a
     * store that answers a query whole (the embedded server) then holds one page, not the whole list.
     */
    void forEach(Bson filter, Bson projection, Bson sort, int limit, Consumer<Document> action) {
        if (BY_ID.equals(sort)) {
            forEachById(filter, projection, limit, action);
            return;
        }
        var find = mongo.getCollection(COLLECTION).find(filter).projection(projection).sort(sort).batchSize(BATCH_SIZE);
        if (limit > 0) {
            find = find.limit(limit);
        }
        try (MongoCursor<Document> cursor = find.iterator()) {
            while (cursor.hasNext()) {
                action.accept(cursor.next());
            }
        }
    }

    /**
     * The pages in {@code _id} order, each read while the one before is handed to the action: the store works on
     * the next page (on the embedded store, decoding every document it reads) while the list is written.
     */
    private void forEachById(Bson filter, Bson projection, int limit, Consumer<Document> action) {
        ExecutorService reader = Executors.newSingleThreadExecutor(Futures.daemonThreads("served-indicators-"));
        try {
            int served = 0;
            int size = pageSize(limit, 0);
            List<Document> documents = page(filter, projection, null, size);
            while (true) {
                boolean more = documents.size() == size && (limit <= 0 || served + size < limit);
                Future<List<Document>> next = null;
                if (more) {
                    String last = documents.get(documents.size() - 1).getString("_id");
                    int nextSize = pageSize(limit, served + size);
                    next = reader.submit(() -> page(filter, projection, last, nextSize));
                }
                documents.forEach(action);
                served += documents.size();
                if (next == null) {
                    return;
                }
                documents = Futures.result(next, "reading the served indicators");
                size = pageSize(limit, served);
            }
        } finally {
            reader.shutdownNow();
        }
    }

    private static int pageSize(int limit, int served) {
        return limit <= 0 ? BATCH_SIZE : Math.min(BATCH_SIZE, limit - served);
    }

    /** A page of at most {@code size} from after {@code last} (from the first indicator when null). */
    private List<Document> page(Bson filter, Bson projection, String last, int size) {
        // Indicator ids are strings (TYPE:value), so $gte "" is every indicator.
        Document page = new Document("_id", last == null ? new Document("$gte", "") : new Document("$gt", last))
                .append("$and", List.of(filter));
        return mongo.getCollection(COLLECTION).find(page).projection(projection).sort(BY_ID)
                .limit(size).batchSize(size).into(new ArrayList<>(size));
    }
}
