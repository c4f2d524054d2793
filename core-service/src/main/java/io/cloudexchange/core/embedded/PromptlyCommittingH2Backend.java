package io.cloudexchange.core.embedded;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * H2 MVStore backend that commits after every command, so an acknowledged write is in the file
 * even if the process is killed (MVStore's own background commit runs only once a second).
 */
class PromptlyCommittingH2Backend extends H2Backend {

    PromptlyCommittingH2Backend(MVStore store) {
        super(store);
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
