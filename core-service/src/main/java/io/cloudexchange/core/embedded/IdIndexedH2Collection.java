package io.cloudexchange.core.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * An H2 collection that uses its {@code _id} order where the server on its own reads and matches every document
 * (it uses an index only when a query names exactly the index's fields, and sorts in memory):
 * <ul>
 * <li>a query with an {@code _id} value and further conditions, e.g. {@code {_id: "URL:...",
 * "sources.x.lastBatchId": {$ne: "b1"}}}, reads that one document (one such upsert per indicator made storing a
 * batch take time proportional to the collection's size);</li>
 * <li>a query from an {@code _id} on ({@code $gt}/{@code $gte} a string), in {@code _id} order with a limit, reads
 * the documents from that key on in key order (the map's order) and stops at the limit: a page of a keyset
 * pagination, instead of a scan and an in-memory sort of every matching document.</li>
 * </ul>
 * The documents read are still matched against the whole query, so results are the same.
 */
class IdIndexedH2Collection extends H2Collection {

    private static final String ID = "_id";
    private static final Document MATCH_ALL = new Document();

    private final MVMap<Object, Document> dataMap;

    IdIndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                          MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        this.dataMap = dataMap;
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        Object id = query.get(ID);
        if (ID.equals(getIdField()) && limit > 0 && inIdOrder(orderBy) && id instanceof Document range
                && range.size() == 1 && (range.get("$gt") instanceof String || range.get("$gte") instanceof String)) {
            String from = range.get("$gt") instanceof String gt ? gt : (String) range.get("$gte");
            Iterable<Object> fromKey = () -> dataMap.keyIterator(from);
            return matchDocuments(query, fromKey, null, numberToSkip, limit, batchSize, fieldSelector);
        }
        if (query.size() > 1 && ID.equals(getIdField()) && (id instanceof String || id instanceof ObjectId)) {
            Document byId = new Document(ID, id);
            for (Index<Object> index : getIndexes()) {
                if (index.isUnique() && index.canHandle(byId)) {
                    return matchDocuments(query, index.getPositions(byId), orderBy, numberToSkip, limit, batchSize,
                            fieldSelector);
                }
            }
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * The collection for an aggregation, read lazily. The server's default collects every document into a list first,
     * so a count ({@code countDocuments} is a {@code $match} + {@code $group} pipeline) of a million indicators held
     * them all in the heap at once.
     */
    @Override
    public Stream<Document> queryAllAsStream() {
        return dataMap.values().stream();
    }

    /**
     * A sorted query with a limit keeps only the best {@code skip + limit} documents while it reads (a bounded heap),
     * where the server's default sorts every matching document in memory: the IoC table's first page of a million
     * indicators needed them all in the heap. Ties keep the order in which documents were read, as a stable sort.
     */
    @Override
    protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documentStream, int numberToSkip,
                                                   int limit, int batchSize, Comparator<Document> documentComparator,
                                                   Document fieldSelector) {
        if (documentComparator == null || limit <= 0) {
            return super.matchDocumentsFromStream(query, documentStream, numberToSkip, limit, batchSize,
                    documentComparator, fieldSelector);
        }
        int keep = Math.max(0, numberToSkip) + limit;
        Comparator<Ranked> order = Comparator.<Ranked, Document>comparing(Ranked::document, documentComparator)
                .thenComparingLong(Ranked::readAt);
        PriorityQueue<Ranked> best = new PriorityQueue<>(Math.min(keep, 1024) + 1, order.reversed());
        long[] read = {0};
        documentStream.filter(document -> documentMatchesQuery(document, query)).forEach(document -> {
            Ranked candidate = new Ranked(document, read[0]++);
            if (best.size() < keep) {
                best.add(candidate);
            } else if (order.compare(candidate, best.peek()) < 0) {
                best.poll();
                best.add(candidate);
            }
        });
        List<Ranked> sorted = new ArrayList<>(best);
        sorted.sort(order);
        Stream<Document> page = sorted.subList(Math.min(Math.max(0, numberToSkip), sorted.size()), sorted.size())
                .stream().map(Ranked::document);
        return super.matchDocumentsFromStream(MATCH_ALL, page, 0, 0, batchSize, null, fieldSelector);
    }

    private record Ranked(Document document, long readAt) {
    }

    /** No order (the map's) or ascending {@code _id}: the same, as the map is keyed by {@code _id}. */
    private static boolean inIdOrder(Document orderBy) {
        return orderBy == null || orderBy.isEmpty()
                || (orderBy.size() == 1 && orderBy.get(ID) instanceof Number direction && direction.intValue() == 1);
    }
}
