package io.cloudexchange.core.cls.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.cloudexchange.core.cls.siem.SiemMapping;
import io.cloudexchange.core.messaging.BatchMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Records refused for good, with the reason, in MongoDB; written before the batch is acknowledged. */
@Component
class DeadLetterStore {

    private static final int MAX_REASON = 2_000;

    private final MongoOperations mongo;
    private final JsonMapper json;
    private final Clock clock;

    DeadLetterStore(MongoOperations mongo, JsonMapper json, Clock clock) {
        this.mongo = mongo;
        this.json = json;
        this.clock = clock;
    }

    /** One dead letter per record, all with the same reason. */
    void add(SiemMapping mapping, BatchMessage batch, Collection<Map<String, Object>> records, String reason) {
        Instant now = clock.instant();
        String shortReason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        List<DeadLetter> letters = new ArrayList<>(records.size());
        for (Map<String, Object> record : records) {
            letters.add(new DeadLetter(null, mapping.id(), batch.configurationId(), mapping.destinationConfigurationId(),
                    batch.stream(), batch.batchId(), RecordFields.id(record), json.writeValueAsString(record),
                    shortReason, now));
        }
        if (!letters.isEmpty()) {
            mongo.insertAll(letters);
        }
    }

    List<DeadLetter> page(String mappingId, int page, int size) {
        return mongo.find(query(mappingId).with(Sort.by(Sort.Direction.DESC, "failedAt"))
                .skip((long) page * size).limit(size), DeadLetter.class);
    }

    long count(String mappingId) {
        return mongo.count(query(mappingId), DeadLetter.class);
    }

    List<DeadLetter> find(Collection<String> ids) {
        return mongo.find(Query.query(where("_id").in(ids)), DeadLetter.class);
    }

    List<DeadLetter> ofMapping(String mappingId, int limit) {
        return mongo.find(query(mappingId).with(Sort.by("failedAt")).limit(limit), DeadLetter.class);
    }

    long delete(Collection<String> ids) {
        return mongo.remove(Query.query(where("_id").in(ids)), DeadLetter.class).getDeletedCount();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> record(DeadLetter letter) {
        return json.readValue(letter.record(), Map.class);
    }

    private static Query query(String mappingId) {
        return mappingId == null || mappingId.isBlank() ? new Query() : Query.query(where("mappingId").is(mappingId));
    }
}
