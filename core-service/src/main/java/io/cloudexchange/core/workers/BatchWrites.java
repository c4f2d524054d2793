package io.cloudexchange.core.workers;

import com.mongodb.MongoException;
import io.cloudexchange.core.messaging.BatchMessage;
import io.cloudexchange.core.messaging.TransientBatchException;
import java.util.List;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Stores a batch with one unordered bulk write (one round trip, never one per item). */
public final class BatchWrites {

    /** Updates the document the query finds, or inserts it. */
    public record Upsert(Query query, Update update) {
    }

    private BatchWrites() {
    }

    /**
     * @throws TransientBatchException when the database fails, so the batch is retried (upserts make that harmless)
     */
    public static void upsertAll(MongoOperations mongo, String collection, BatchMessage batch, List<Upsert> upserts) {
        if (upserts.isEmpty()) {
            return;
        }
        try {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
            upserts.forEach(upsert -> bulk.upsert(upsert.query(), upsert.update()));
            bulk.execute();
        } catch (DataAccessException | MongoException e) {
            throw new TransientBatchException("could not store batch " + batch.batchId() + " in " + collection, e);
        }
    }
}
