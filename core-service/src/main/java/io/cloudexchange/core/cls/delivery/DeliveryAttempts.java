package io.cloudexchange.core.cls.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Failed delivery attempts per queued batch of a SIEM mapping, in MongoDB ({@value #COLLECTION}), so the
 * count survives a batch going back to its queue or a restart. Only kept for mappings whose admin chose to
 * give up after some attempts; a leftover count (batch acknowledged before it was forgotten) expires.
 */
@Component
class DeliveryAttempts {

    static final String COLLECTION = "cls_delivery_attempts";

    private final MongoOperations mongo;
    private final Clock clock;

    DeliveryAttempts(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Counts one more failed attempt and returns the batch's failed attempts so far. */
    int failed(String mappingId, String batchId) {
        Document counted = mongo.findAndModify(byKey(mappingId, batchId),
                new Update().inc("attempts", 1).set("mappingId", mappingId).set("updatedAt", clock.instant()),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
        return counted == null || !(counted.get("attempts") instanceof Number number) ? 1 : number.intValue();
    }

    /** Once the batch is delivered, dead-lettered or discarded. */
    void forget(String mappingId, String batchId) {
        mongo.remove(byKey(mappingId, batchId), COLLECTION);
    }

    private static Query byKey(String mappingId, String batchId) {
        return Query.query(where("_id").is(mappingId + "/" + batchId));
    }
}
