package io.cloudexchange.core.cte.lists;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
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
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.conversions.Bson;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The indicators the served lists show: active (a missing {@code active} counts as active), not
 * retracted, optionally of one type and matching a query. Read with a cursor, a batch at a time, so a
 * list of a million values never sits in memory.
 */
@Component
class ServedIndicators {

    static final String COLLECTION = "indicators";
    private static final Logger log = LoggerFactory.getLogger(ServedIndicators.class);
    private static final int BATCH_SIZE = 5_000;
    private static final Document BY_ID = new Document("_id", 1);
    private static final DocumentCodec DOCUMENTS = new DocumentCodec();

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
            forEachById(filter, projection, IdRange.ALL, limit, DOCUMENTS, document -> (String) document.get("_id"), action);
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

    /** A range of indicator {@code _id}s: from {@code from} on (the first when null), up to {@code before} (excluded). */
    record IdRange(String from, String before) {
        static final IdRange ALL = new IdRange(null, null);
    }

    /**
     * The {@code _id} ranges that split the indicators into parts of about {@code perRange} each, in order, to be read
     * in parallel (the store's {@code splitVector}): one range, all of them, when there are fewer, or when the
     * database does not split (the command needs the clusterManager role on MongoDB).
     */
    List<IdRange> ranges(long perRange) {
        if (mongo.getCollection(COLLECTION).estimatedDocumentCount() < 2 * perRange) {
            return List.of(IdRange.ALL);
        }
        List<String> keys = new ArrayList<>();
        try {
            Document split = mongo.executeCommand(new Document("splitVector",
                    mongo.getCollection(COLLECTION).getNamespace().getFullName()).append("keyPattern", BY_ID)
                    .append("maxChunkObjects", perRange).append("maxChunkSizeBytes", Integer.MAX_VALUE));
            for (Document key : split.getList("splitKeys", Document.class, List.of())) {
                if (key.get("_id") instanceof String id) {
                    keys.add(id);
                }
            }
        } catch (MongoException | DataAccessException e) {
            log.debug("Reading the indicators as one range: the database does not split them ({})", e.getMessage());
            return List.of(IdRange.ALL);
        }
        List<IdRange> ranges = new ArrayList<>(keys.size() + 1);
        String from = null;
        for (String key : keys) {
            ranges.add(new IdRange(from, key));
            from = key;
        }
        ranges.add(new IdRange(from, null));
        return ranges;
    }

    /**
     * The documents of one {@code _id} range, in {@code _id} order, a page at a time, each page read while the one
     * before is handed to the action: the store works on the next page (on the embedded store, decoding every document
     * it reads) while the list is written. The documents are decoded by {@code codec}, so a list can read only the
     * fields it shows; {@code idOf} gives a document's {@code _id}, where the next page starts.
     */
    <T> void forEachById(Bson filter, Bson projection, IdRange range, int limit, Codec<T> codec, Function<T, String> idOf,
                         Consumer<T> action) {
        MongoCollection<T> collection = collection(codec);
        ExecutorService reader = Executors.newSingleThreadExecutor(Futures.daemonThreads("served-indicators-"));
        try {
            int served = 0;
            int size = pageSize(limit, 0);
            List<T> documents = page(collection, filter, projection, range, null, size);
            while (true) {
                boolean more = documents.size() == size && (limit <= 0 || served + size < limit);
                Future<List<T>> next = null;
                if (more) {
                    String last = idOf.apply(documents.get(documents.size() - 1));
                    if (last == null) {
                        throw new IllegalStateException("An indicator without a string _id: cannot page on from it");
                    }
                    int nextSize = pageSize(limit, served + size);
                    next = reader.submit(() -> page(collection, filter, projection, range, last, nextSize));
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

    private <T> MongoCollection<T> collection(Codec<T> codec) {
        MongoCollection<Document> indicators = mongo.getCollection(COLLECTION);
        return indicators.withCodecRegistry(CodecRegistries.fromRegistries(CodecRegistries.fromCodecs(codec),
                indicators.getCodecRegistry())).withDocumentClass(codec.getEncoderClass());
    }

    private static int pageSize(int limit, int served) {
        return limit <= 0 ? BATCH_SIZE : Math.min(BATCH_SIZE, limit - served);
    }

    /** A page of at most {@code size} of the range from after {@code last} (from the range's start when null). */
    private static <T> List<T> page(MongoCollection<T> collection, Bson filter, Bson projection, IdRange range, String last,
                                    int size) {
        // Indicator ids are strings (TYPE:value), so $gte "" is every indicator.
        Document ids = last != null ? new Document("$gt", last)
                : new Document("$gte", range.from() == null ? "" : range.from());
        if (range.before() != null) {
            ids.append("$lt", range.before());
        }
        Document page = new Document("_id", ids).append("$and", List.of(filter));
        return collection.find(page).projection(projection).sort(BY_ID).limit(size).batchSize(size)
                .into(new ArrayList<>(size));
    }
}
