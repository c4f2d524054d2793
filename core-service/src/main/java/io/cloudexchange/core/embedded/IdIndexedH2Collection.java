package io.cloudexchange.core.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryMatcher;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ServerValueRules;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * A collection in an H2 MVStore map keyed by {@code _id}, whose documents are kept as BSON
 * ({@link StoredDocumentType}) and decoded only as far as a command needs them. In the stock H2 backend's place
 * (same map names, same format on disk), with these differences:
 * <ul>
 * <li>a scan decodes, of each document, only the top-level fields its query and sort read ({@link FieldsRead}),
 * with the fields an inclusion projection keeps, and the rest of a document only if it matches and the query
 * returns it whole: an EDL page reads four fields of each indicator, a count three;</li>
 * <li>a query with an {@code _id} value and further conditions, e.g. {@code {_id: "URL:...",
 * "sources.x.lastBatchId": {$ne: "b1"}}}, reads that one document (one such upsert per indicator made storing a
 * batch take time proportional to the collection's size);</li>
 * <li>a query from an {@code _id} on ({@code $gt}/{@code $gte} a string), in {@code _id} order with a limit, reads
 * the documents from that key on in key order (the map's order) and stops at the limit: a page of a keyset
 * pagination, instead of a scan and an in-memory sort of every matching document;</li>
 * <li>a sorted query with a limit keeps only the best {@code skip + limit} documents while it reads, and an
 * aggregation reads the collection lazily, where the server collected every document in memory first;</li>
 * <li>an update of one document by {@code _id} made only of plain field changes ({@link PlainUpdate}) is applied
 * without the server's general update code, with the same result.</li>
 * </ul>
 * The documents read are still matched against the whole query, by the server's matcher or, for comparisons of
 * strings and booleans, by a {@link ScalarFilter} that answers as it does, so results are the same.
 * Every command gets documents of its own: the server's general update code changes the documents it reads in place,
 * which with decoded documents in the store's cache changed them under concurrent readers before the write.
 */
class IdIndexedH2Collection extends AbstractSynchronizedMongoCollection<Object> {

    private static final String ID = "_id";
    private static final String DATA_SIZE_KEY = "dataSize";
    private static final Document MATCH_ALL = new Document();
    /** The server's matcher keeps state while it matches: one per thread, as queries run concurrently. */
    private static final ThreadLocal<QueryMatcher> MATCHERS = ThreadLocal.withInitial(DefaultQueryMatcher::new);

    private final MVMap<Object, Object> dataMap;
    private final MVMap<String, Object> metaMap;
    private final StoredBsonReader reader = new StoredBsonReader();

    IdIndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                          MVMap<Object, Object> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, cursorRegistry);
        this.dataMap = dataMap;
        this.metaMap = metaMap;
        metaMap.putIfAbsent(DATA_SIZE_KEY, 0L);
    }

    // ---- storage: documents in and out of the map, with the data size counted from their stored BSON

    private Document decode(Object stored) {
        return stored instanceof byte[] bson ? reader.read(bson) : ((Document) stored).cloneDeeply();
    }

    /** The fields named of a stored document; all of them when {@code fields} is null. */
    private Document decode(Object stored, StoredBsonReader.Fields fields) {
        if (fields == null) {
            return decode(stored);
        }
        return stored instanceof byte[] bson ? reader.read(bson, fields) : ((Document) stored).cloneDeeply();
    }

    private static StoredBsonReader.Fields fields(Set<String> names) {
        return names == null ? null : StoredBsonReader.Fields.of(names);
    }

    /** Stores the document under its position, in place of the one there (if any). */
    private void store(Object position, byte[] bson) {
        Object previous = dataMap.put(Missing.ofNullable(position), bson);
        updateDataSize(bson.length - storedSize(previous));
    }

    private static int storedSize(Object stored) {
        if (stored == null) {
            return 0;
        }
        return stored instanceof byte[] bson ? bson.length : StoredDocumentType.encode((Document) stored).length;
    }

    /** The data size is counted here, from the stored BSON, rather than by encoding documents again. */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected void updateDataSize(int sizeDelta) {
        if (sizeDelta != 0) {
            synchronized (metaMap) {
                metaMap.put(DATA_SIZE_KEY, ((Number) metaMap.get(DATA_SIZE_KEY)).longValue() + sizeDelta);
            }
        }
    }

    @Override
    protected int getDataSize() {
        return ((Number) metaMap.get(DATA_SIZE_KEY)).intValue();
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Object key = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
        byte[] bson = StoredDocumentType.encode(document);
        Object previous = dataMap.putIfAbsent(Missing.ofNullable(key), bson);
        if (previous != null) {
            throw new IllegalStateException("Document with key '" + key + "' already existed in " + this);
        }
        updateDataSize(bson.length);
        return key;
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        store(position, StoredDocumentType.encode(newDocument));
    }

    @Override
    protected void removeDocument(Object position) {
        Object removed = dataMap.remove(position);
        if (removed == null) {
            throw new NoSuchElementException("No document with key " + position);
        }
        updateDataSize(-storedSize(removed));
    }

    @Override
    protected Document getDocument(Object position) {
        Object stored = dataMap.get(position);
        return stored == null ? null : decode(stored);
    }

    @Override
    public int count() {
        return dataMap.size();
    }

    @Override
    public boolean isEmpty() {
        return dataMap.isEmpty();
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return dataMap.entrySet().stream().map(entry -> new DocumentWithPosition<>(decode(entry.getValue()), entry.getKey()));
    }

    /**
     * The collection for an aggregation, read lazily. The server's default collects every document into a list first,
     * so a count ({@code countDocuments} is a {@code $match} + {@code $group} pipeline) of a million indicators held
     * them all in the heap at once.
     */
    @Override
    public Stream<Document> queryAllAsStream() {
        return dataMap.values().stream().map(this::decode);
    }

    // ---- queries

    /**
     * A query, not holding the collection's lock as the stock collection does: writers change the store's maps, which
     * readers read as of a version (MVStore), and every query decodes documents of its own, so queries run at once,
     * beside each other and beside a write, on as many cores as there are connections asking.
     */
    @Override
    public QueryResult handleQuery(QueryParameters parameters) {
        Document selector = parameters.getQuerySelector();
        Document query = selector;
        Document orderBy = null;
        for (String wrapper : List.of("query", "$query")) {
            if (selector.containsKey(wrapper)) {
                query = (Document) selector.get(wrapper);
                orderBy = (Document) selector.get(wrapper.equals("query") ? "orderby" : "$orderby");
                break;
            }
        }
        return queryDocuments(query, orderBy, parameters.getNumberToSkip(), parameters.getLimit(),
                parameters.getBatchSize(), parameters.getProjection());
    }

    /** Documents by their positions in an index; one removed since the index was read is no longer there. */
    @Override
    protected QueryResult matchDocuments(Document query, Iterable<Object> positions, Document orderBy,
                                         int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        Stream<Document> documents = StreamSupport.stream(positions.spliterator(), false).map(this::getDocument)
                .filter(Objects::nonNull);
        return matchDocumentsFromStream(documents, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * The {@code _id}s that split the collection, in {@code _id} order, into ranges of about {@code documentsPerRange}
     * documents each (MongoDB's {@code splitVector}): the map is a counted B-tree, so each is found without a scan.
     * Only string and ObjectId {@code _id}s are split keys; with others the ranges are coarser.
     */
    List<Object> splitKeys(long documentsPerRange) {
        List<Object> keys = new ArrayList<>();
        long size = dataMap.sizeAsLong();
        for (long index = documentsPerRange; index < size; index += documentsPerRange) {
            Object key = dataMap.getKey(index);
            if (IdIndex.keyedByItself(key)) {
                keys.add(key);
            }
        }
        return keys;
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        Object id = query.get(ID);
        if (ID.equals(getIdField()) && limit > 0 && inIdOrder(orderBy) && id instanceof Document range
                && isStringRange(range)) {
            String from = range.get("$gt") instanceof String gt ? gt : (String) range.get("$gte");
            String to = range.get("$lt") instanceof String lt ? lt : (String) range.get("$lte");
            // One cursor over the entries from that key (to the other): each document read once, not looked up by its
            // key. The query's own bounds still decide whether the keys at either end match.
            Cursor<Object, Object> fromKey = dataMap.cursor(from, to, false);
            Stream<Object> stored = StreamSupport.stream(
                    Spliterators.spliteratorUnknownSize(fromKey, Spliterator.ORDERED), false).map(key -> fromKey.getValue());
            return matchStored(stored, query, null, numberToSkip, limit, batchSize, fieldSelector);
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

    /** Every document: in the map's order (ascending {@code _id}), or the reverse for {@code $natural: -1}. */
    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        if (isNaturalDescending(orderBy)) {
            Stream<Document> descending = streamAllDocumentsWithPosition()
                    .sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
                    .map(DocumentWithPosition::getDocument);
            return matchDocumentsFromStream(descending, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        return matchStored(dataMap.values().stream(), query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * The stored documents that match, sorted, skipped, limited and projected as the server does it, each decoded
     * first only as far as the query, sort and an inclusion projection read it, then, without such a projection, whole
     * if it matches and is kept.
     */
    private QueryResult matchStored(Stream<Object> stored, Document query, Document orderBy, int numberToSkip,
                                    int limit, int batchSize, Document fieldSelector) {
        Set<String> queried = FieldsRead.union(FieldsRead.ofQuery(query), FieldsRead.ofSort(orderBy));
        Set<String> resultFields = FieldsRead.ofProjection(fieldSelector);
        // The few fields a projection keeps are read in the same pass: an EDL page would read every document twice.
        Set<String> matchFields = resultFields == null ? queried : FieldsRead.union(queried, resultFields);
        boolean viewIsResult = matchFields == null || resultFields != null;
        StoredBsonReader.Fields toMatch = fields(matchFields);
        StoredBsonReader.Fields toReturn = fields(resultFields);
        ScalarFilter scalar = ScalarFilter.of(query);
        Stream<Read> matching = stored.map(value -> {
            Document view = decode(value, toMatch);
            Boolean decided = scalar == null ? null : scalar.matches(view);
            boolean matches = decided != null ? decided : MATCHERS.get().matches(view, query);
            return matches ? new Read(view, value) : null;
        }).filter(Objects::nonNull);
        Comparator<Document> comparator = deriveComparator(orderBy);
        Stream<Read> kept;
        if (comparator != null && limit > 0) {
            kept = best(matching, comparator, Math.max(0, numberToSkip), limit);
        } else {
            kept = comparator == null ? matching : matching.sorted(Comparator.comparing(Read::view, comparator));
            if (numberToSkip > 0) {
                kept = kept.skip(numberToSkip);
            }
            if (limit > 0) {
                kept = kept.limit(limit);
            }
        }
        Stream<Document> results = kept.map(read -> viewIsResult ? read.view() : decode(read.stored(), toReturn));
        return super.matchDocumentsFromStream(MATCH_ALL, results, 0, 0, batchSize, null, fieldSelector);
    }

    /**
     * Of the matching documents, those from {@code skip} to {@code skip + limit} in sort order, keeping only the best
     * {@code skip + limit} while reading (a bounded heap), where the server's default sorts every matching document in
     * memory: the IoC table's first page of a million indicators needed them all in the heap. Ties keep the order in
     * which documents were read, as a stable sort.
     */
    private static Stream<Read> best(Stream<Read> matching, Comparator<Document> comparator, int skip, int limit) {
        int keep = skip + limit;
        Comparator<Ranked> order = Comparator.<Ranked, Document>comparing(ranked -> ranked.read().view(), comparator)
                .thenComparingLong(Ranked::readAt);
        PriorityQueue<Ranked> best = new PriorityQueue<>(Math.min(keep, 1024) + 1, order.reversed());
        long[] read = {0};
        matching.forEach(document -> {
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
        return sorted.subList(Math.min(skip, sorted.size()), sorted.size()).stream().map(Ranked::read);
    }

    /** A stored document, and the part of it decoded to match and sort it. */
    private record Read(Document view, Object stored) {
    }

    private record Ranked(Read read, long readAt) {
    }

    /**
     * {@code {$gt or $gte: <string>}}, with at most {@code $lt or $lte: <string>}: a range of {@code _id}s, as a
     * keyset page asks.
     */
    private static boolean isStringRange(Document range) {
        boolean from = range.get("$gt") instanceof String ^ range.get("$gte") instanceof String;
        int bounds = range.size();
        boolean to = range.get("$lt") instanceof String ^ range.get("$lte") instanceof String;
        return from && (bounds == 1 || (bounds == 2 && to));
    }

    /** No order (the map's) or ascending {@code _id}: the same, as the map is keyed by {@code _id}. */
    private static boolean inIdOrder(Document orderBy) {
        return orderBy == null || orderBy.isEmpty()
                || (orderBy.size() == 1 && orderBy.get(ID) instanceof Number direction && direction.intValue() == 1);
    }

    // ---- plain updates by _id

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

    /** Stores the updated document in place of the current one, with its indexes. */
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
        store(position, StoredDocumentType.encode(updated));
    }

    /** What {@code addDocument} does for a document with an {@code _id}. */
    private void insert(Document document) {
        List<Index<Object>> indexes = getIndexes();
        for (Index<Object> index : indexes) {
            index.checkAdd(document, this);
        }
        Object position = addDocumentInternal(document);
        for (Index<Object> index : indexes) {
            index.add(document, position, this);
        }
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
}
