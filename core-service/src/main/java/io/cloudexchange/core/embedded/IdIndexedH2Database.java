package io.cloudexchange.core.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An H2 database whose collections are {@link IdIndexedH2Collection}s, in the same maps as H2Database's own, and
 * whose ignored secondary indexes cost nothing to open: the server keeps no secondary index, but on opening one
 * (each start, for every index a migration created) it read every document of the collection twice to fill the
 * placeholder, 30 full reads of the indicators at each start. Documents are stored as BSON
 * ({@link StoredDocumentType}) instead of Java serialization, unique index keys as values ({@link IndexKeyType}); stores
 * in the old format stay readable.
 */
final class IdIndexedH2Database extends H2Database {

    private static final String ID = "_id";
    private static final String ID_INDEX = "_id_";
    private static final Logger log = LoggerFactory.getLogger(IdIndexedH2Database.class);

    /** The store while the super constructor opens the collections already in the file (before {@link #store} is set). */
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    private final MVStore store;

    private IdIndexedH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        super(databaseName, store, cursorRegistry);
        this.store = store;
    }

    static IdIndexedH2Database open(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        OPENING.set(store);
        try {
            return new IdIndexedH2Database(databaseName, store, cursorRegistry);
        } finally {
            OPENING.remove();
        }
    }

    /**
     * A unique index in a map of {@link IndexKeyType} keys; the {@code _id} index is mostly the collection's own map
     * ({@link IdIndex}). A store written before keeps its index in an older map: the stock one (keys in Java-serialized
     * order, which a B-tree in value order cannot read), or, for {@code _id}, one holding every key. The entries still
     * needed are copied over once and the old map removed.
     */
    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        MVStore mvStore = mvStore();
        boolean idIndex = !sparse && keys.size() == 1 && keys.get(0).getKey().equals(ID)
                && indexName.equals(ID_INDEX);
        String mapName = idIndex ? idIndexMap(collectionName) : uniqueIndexMap(collectionName, indexName);
        MVMap<KeyValue, Object> positions = mvStore.openMap(mapName,
                new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
        for (String older : idIndex ? List.of(stockIndexMap(collectionName, indexName),
                uniqueIndexMap(collectionName, indexName)) : List.of(stockIndexMap(collectionName, indexName))) {
            if (mvStore.hasMap(older)) {
                convert(mvStore, older, positions, idIndex, getFullCollectionNamespace(collectionName), indexName);
            }
        }
        if (idIndex) {
            return new IdIndex(dataMap(mvStore, collectionName), positions, indexName, keys);
        }
        return new IdIndexedUniqueIndex(positions, indexName, keys, sparse);
    }

    private static void convert(MVStore mvStore, String older, MVMap<KeyValue, Object> positions, boolean idIndex,
                                String namespace, String indexName) {
        MVMap<KeyValue, Object> old = older.contains("._unique_")
                ? mvStore.openMap(older, new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()))
                : mvStore.openMap(older);
        log.info("Converting the unique index {} of {} ({} keys) to the store's new format, once", indexName,
                namespace, old.sizeAsLong());
        old.forEach((key, position) -> {
            if (!idIndex || key.size() != 1 || !IdIndex.keyedByItself(key.get(0))) {
                positions.put(key, position);
            }
        });
        mvStore.removeMap(old);
        mvStore.commit();
    }

    private MVMap<Object, Object> dataMap(MVStore mvStore, String collectionName) {
        return mvStore.openMap("databases." + getFullCollectionNamespace(collectionName),
                new MVMap.Builder<Object, Object>().valueType(new StoredDocumentType()));
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        String collectionName = collection.getCollectionName();
        String name = indexName.equals(ID_INDEX) ? idIndexMap(collectionName) : uniqueIndexMap(collectionName, indexName);
        if (store.hasMap(name)) {
            store.removeMap(name);
        }
    }

    private String idIndexMap(String collectionName) {
        return getFullCollectionNamespace(collectionName) + "._ids_not_keyed_by_themselves";
    }

    private String uniqueIndexMap(String collectionName, String indexName) {
        return getFullCollectionNamespace(collectionName) + "._unique_" + indexName;
    }

    private String stockIndexMap(String collectionName, String indexName) {
        return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                       boolean sparse) {
        Index<Object> index = super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
        return index instanceof EmptyIndex ? new NothingToBuild(index.getName(), index.getKeys()) : index;
    }

    /** The server's placeholder for an index it does not keep, saying there is nothing to fill it with. */
    private static final class NothingToBuild extends EmptyIndex<Object> {
        NothingToBuild(String name, List<IndexKey> keys) {
            super(name, keys);
        }

        @Override
        public boolean isEmpty() {
            return false;
        }
    }

    private MVStore mvStore() {
        return store != null ? store : OPENING.get();
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        MVStore mvStore = mvStore();
        String namespace = getFullCollectionNamespace(collectionName);
        return new IdIndexedH2Collection(this, collectionName, options, dataMap(mvStore, collectionName),
                mvStore.openMap("meta." + namespace), cursorRegistry);
    }
}
