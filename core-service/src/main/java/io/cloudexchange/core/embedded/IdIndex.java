package io.cloudexchange.core.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.h2.mvstore.MVMap;

/**
 * A collection's unique {@code _id} index. The collection's own map is keyed by {@code _id} already, so for the
 * {@code _id}s that are a string or an ObjectId (every indicator's, every document the platform writes) the index
 * is that map: no second B-tree to search three times and insert into for every new document, and to write again at
 * every commit. Other {@code _id}s (numbers, documents...), whose uniqueness is by value across types (1, 1L and 1.0
 * are one key), are kept in an index map of their own, as by the stock index.
 */
final class IdIndex extends IdIndexedUniqueIndex {

    private static final String ID = "_id";

    private final MVMap<Object, Object> documents;

    IdIndex(MVMap<Object, Object> documents, MVMap<KeyValue, Object> others, String name, List<IndexKey> keys) {
        super(others, name, keys, false);
        this.documents = documents;
    }

    /** Whether the collection's map is the index for this {@code _id}: a string or ObjectId is its own key there. */
    static boolean keyedByItself(Object id) {
        return id instanceof String || id instanceof ObjectId;
    }

    private Object positionOf(Object id) {
        return documents.containsKey(id) ? id : null;
    }

    @Override
    public Object getPosition(Document document) {
        Object id = document.get(ID);
        return keyedByItself(id) ? positionOf(id) : super.getPosition(document);
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return key.size() == 1 && keyedByItself(key.get(0)) ? positionOf(key.get(0)) : super.getPosition(key);
    }

    @Override
    public synchronized void checkAdd(Document document, MongoCollection<Object> collection) {
        Object id = document.get(ID);
        if (!keyedByItself(id)) {
            super.checkAdd(document, collection);
        } else if (documents.containsKey(id)) {
            throw new DuplicateKeyError(this, collection, getKeys(), new KeyValue(id));
        }
    }

    /** Nothing to add for an {@code _id} that is its own key: the collection stored the document under it. */
    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        if (!keyedByItself(document.get(ID))) {
            super.add(document, position, collection);
        }
    }

    @Override
    public synchronized Object remove(Document document) {
        Object id = document.get(ID);
        return keyedByItself(id) ? positionOf(id) : super.remove(document);
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return key.size() == 1 && keyedByItself(key.get(0)) ? positionOf(key.get(0)) : super.removeDocument(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return key.size() == 1 && keyedByItself(key.get(0)) ? positionOf(key.get(0)) != null
                : super.putKeyPosition(key, position);
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        Stream<Map.Entry<KeyValue, Object>> ownKeys = documents.keySet().stream().filter(IdIndex::keyedByItself)
                .map(id -> Map.entry(new KeyValue(id), id));
        return Stream.concat(ownKeys, StreamSupport.stream(super.getIterable().spliterator(), false))::iterator;
    }

    @Override
    public long getCount() {
        return documents.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return documents.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
