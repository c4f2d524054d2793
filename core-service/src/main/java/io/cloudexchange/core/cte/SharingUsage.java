package io.cloudexchange.core.cte;

import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.stereotype.Component;

/** Which sharing configurations use a business rule (a rule in use cannot be deleted). */
@Component
class SharingUsage {

    static final String SHARING_COLLECTION = "cte_sharing";

    private final MongoOperations mongo;

    SharingUsage(MongoOperations mongo) {
        this.mongo = mongo;
    }

    List<String> sharingsOfRule(String ruleId) {
        return mongo.find(new BasicQuery(new Document("ruleId", ruleId)), Document.class, SHARING_COLLECTION)
                .stream().map(sharing -> sharing.getString("name")).toList();
    }
}
