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
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            commit();
        }
    }
}
