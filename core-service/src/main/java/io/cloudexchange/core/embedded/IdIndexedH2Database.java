package io.cloudexchange.core.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVStore;

/** An H2 database whose collections are {@link IdIndexedH2Collection}s, in the same maps as H2Database's own. */
final class IdIndexedH2Database extends H2Database {

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

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        MVStore mvStore = store != null ? store : OPENING.get();
        String namespace = getFullCollectionNamespace(collectionName);
        return new IdIndexedH2Collection(this, collectionName, options, mvStore.openMap("databases." + namespace),
                mvStore.openMap("meta." + namespace), cursorRegistry);
    }
}
