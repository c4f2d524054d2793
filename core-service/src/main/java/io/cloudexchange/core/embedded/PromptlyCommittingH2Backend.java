package io.cloudexchange.core.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.ErrorCode;
import de.bwaldvogel.mongo.exception.MongoServerError;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;
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
        if (command.equalsIgnoreCase("splitVector")) {
            return splitVector(query);
        }
        MVStore store = getMvStore();
        MVStore.TxCounter reading = store.registerVersionUsage();
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            store.deregisterVersionUsage(reading);
            commit();
        }
    }

    /**
     * MongoDB's {@code splitVector}, by {@code _id}: {@code {splitVector: "db.collection", keyPattern: {_id: 1},
     * maxChunkObjects: n}} answers {@code {splitKeys: [{_id: ...}, ...]}}, the keys that split the collection into
     * ranges of about n documents, which clients read in parallel.
     */
    private Document splitVector(Document query) {
        String namespace = String.valueOf(query.get("splitVector"));
        int dot = namespace.indexOf('.');
        if (dot <= 0 || dot == namespace.length() - 1) {
            throw new MongoServerError(ErrorCode.InvalidNamespace, "invalid namespace '" + namespace + "'");
        }
        if (!new Document("_id", 1).equals(query.get("keyPattern"))) {
            throw new MongoServerError(ErrorCode.BadValue, "the embedded store splits by {_id: 1} only");
        }
        if (!(query.get("maxChunkObjects") instanceof Number perRange) || perRange.longValue() <= 0) {
            throw new MongoServerError(ErrorCode.BadValue, "maxChunkObjects must be a positive number");
        }
        List<Document> splitKeys = new ArrayList<>();
        MongoCollection<?> collection = resolveDatabase(namespace.substring(0, dot))
                .resolveCollection(namespace.substring(dot + 1), false);
        if (collection instanceof IdIndexedH2Collection documents) {
            documents.splitKeys(perRange.longValue()).forEach(key -> splitKeys.add(new Document("_id", key)));
        }
        Document response = new Document("splitKeys", splitKeys);
        Utils.markOkay(response);
        return response;
    }
}
