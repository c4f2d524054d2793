package io.cloudexchange.core.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * H2 MVStore backend that commits after every command, so an acknowledged write is in the file
 * even if the process is killed (MVStore's own background commit runs only once a second). Its collections
 * find documents by {@code _id} through the index whatever else a query asks ({@link IdIndexedH2Collection}).
 * <p>
 * A command keeps the store version it reads from while it runs. MVStore frees a chunk once no version it keeps
 * needs it, and without this it keeps only the last few: its background compaction, which moves pages out of sparse
 * chunks when the store is idle (right after a large ingest), freed chunks a long scan was still reading
 * ("Chunk 900 not found" while counting a million indicators).
 */
class PromptlyCommittingH2Backend extends H2Backend {

    PromptlyCommittingH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        // Also called from the super constructor for the databases already in the file.
        return IdIndexedH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        MVStore store = getMvStore();
        MVStore.TxCounter reading = store.registerVersionUsage();
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            store.deregisterVersionUsage(reading);
            commit();
        }
    }
}
