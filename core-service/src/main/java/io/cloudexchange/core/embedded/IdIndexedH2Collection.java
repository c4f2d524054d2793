package io.cloudexchange.core.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ServerValueRules;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.PriorityQueue;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.h2.mvstore.Cursor;
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
 * The documents read are still matched against the whole query, so results are the same. An update of one
 * document by {@code _id} made only of plain field changes ({@link PlainUpdate}) is applied without the server's
 * general update code, with the same result.
 */
class IdIndexedH2Collection extends H2Collection {

    private static final String ID = "_id";
    private static final Document MATCH_ALL = new Document();

    private final MVMap<Object, Document> dataMap;
    private final BsonDocumentType documents;

    IdIndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                          MVMap<Object, Document> dataMap, BsonDocumentType documents, MVMap<String, Object> metaMap,
                          CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        this.dataMap = dataMap;
        this.documents = documents;
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        Object id = query.get(ID);
        if (ID.equals(getIdField()) && limit > 0 && inIdOrder(orderBy) && id instanceof Document range
                && range.size() == 1 && (range.get("$gt") instanceof String || range.get("$gte") instanceof String)) {
            String from = range.get("$gt") instanceof String gt ? gt : (String) range.get("$gte");
            // One cursor over the entries from that key: each document read once, not looked up by its key.
            Cursor<Object, Document> fromKey = dataMap.cursor(from);
            Stream<Document> documents = StreamSupport.stream(
                    Spliterators.spliteratorUnknownSize(fromKey, Spliterator.ORDERED), false).map(key -> fromKey.getValue());
            return matchDocumentsFromStream(documents, query, null, numberToSkip, limit, batchSize, fieldSelector);
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

    @Override
    public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
                                                 boolean isMulti, boolean isUpsert, Oplog oplog) {
        PlainUpdate plain = arrayFilters.isEmpty() && selectsOneId(selector) ? PlainUpdate.of(updateQuery, ID) : null;
        Document result = plain == null ? null : updateById(selector, updateQuery, plain, isUpsert, oplog);
        return result != null ? result
                : super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
    }

    /**
     * What {@code updateDocuments} does for one document, through {@link PlainUpdate}; {@code null} (and nothing
     * changed) when the update needs the general code after all.
     */
    private Document updateById(Document selector, Document updateQuery, PlainUpdate plain, boolean isUpsert,
                                Oplog oplog) {
        Document current = null;
        for (Document document : queryDocuments(selector, null, 0, 0, 0, null)) {
            current = document;
            break;
        }
        Document result = new Document();
        if (current == null) {
            if (!isUpsert) {
                oplog.handleUpdate(getFullName(), selector, updateQuery, List.of());
                return result.append("n", 0).append("nModified", 0);
            }
            Document inserted = plain.applyTo(new Document(ID, selector.get(ID)), true);
            if (inserted == null) {
                return null;
            }
            Utils.validateFieldNames(inserted);
            insert(inserted);
            oplog.handleInsert(getFullName(), List.of(inserted));
            return result.append("upserted", inserted.get(ID)).append("n", 0).append("nModified", 0);
        }
        Document updated = plain.applyTo(current, false);
        if (updated == null) {
            return null;
        }
        Utils.validateFieldNames(updated);
        if (!updated.equals(current)) {
            replace(current, updated);
        }
        boolean modified = !ServerValueRules.equal(current, updated);
        oplog.handleUpdate(getFullName(), selector, updateQuery, modified ? List.of(current.get(ID)) : List.of());
        return result.append("n", 1).append("nModified", modified ? 1 : 0);
    }

    /**
     * Stores the updated document in place of the current one (which stays as it was), with its indexes, encoded
     * once: for the data size and for the store.
     */
    private void replace(Document current, Document updated) {
        List<Index<Object>> indexes = getIndexes();
        for (Index<Object> index : indexes) {
            index.checkUpdate(current, updated, this);
        }
        Object position = indexes.stream().map(index -> index.getPosition(current)).filter(Objects::nonNull)
                .findFirst().orElseGet(() -> findDocumentPosition(current));
        for (Index<Object> index : indexes) {
            index.updateInPlace(current, updated, position, this);
        }
        byte[] bson = documents.encode(updated);
        if (tracksDataSize()) {
            updateDataSize(bson.length - documents.bsonSize(current));
        }
        documents.remember(updated, bson);
        dataMap.put(Missing.ofNullable(position), updated);
    }

    /** What {@code addDocument} does for a document with an {@code _id}, encoding it once. */
    private void insert(Document document) {
        List<Index<Object>> indexes = getIndexes();
        for (Index<Object> index : indexes) {
            index.checkAdd(document, this);
        }
        byte[] bson = documents.encode(document);
        documents.remember(document, bson);
        Object position = addDocumentInternal(document);
        for (Index<Object> index : indexes) {
            index.add(document, position, this);
        }
        if (tracksDataSize()) {
            updateDataSize(bson.length);
        }
    }

    /** The server's general update code changed the stored document in place: its BSON is no longer what it was. */
    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        documents.forget(newDocument);
        super.handleUpdate(position, oldDocument, newDocument);
    }

    /**
     * {@code {_id: <string or ObjectId>}} with, at most, conditions on other fields that an upsert does not copy into
     * the document it inserts (operators other than a lone {@code $eq}), as the writers' "unless this batch stored
     * it" filters.
     */
    private boolean selectsOneId(Document selector) {
        if (!ID.equals(getIdField()) || !(selector.get(ID) instanceof String || selector.get(ID) instanceof ObjectId)) {
            return false;
        }
        for (Map.Entry<String, Object> condition : selector.entrySet()) {
            if (condition.getKey().equals(ID)) {
                continue;
            }
            if (condition.getKey().startsWith("$") || !(condition.getValue() instanceof Document operators)
                    || operators.isEmpty() || operators.keySet().equals(Set.of("$eq"))
                    || !operators.keySet().stream().allMatch(operator -> operator.startsWith("$"))) {
                return false;
            }
        }
        return true;
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
