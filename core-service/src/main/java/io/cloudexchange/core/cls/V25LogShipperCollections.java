package io.cloudexchange.core.cls;

import io.cloudexchange.core.cls.rules.BusinessRule;
import io.cloudexchange.core.cls.siem.SiemMapping;
import io.cloudexchange.core.migrations.IndexCreator;
import io.cloudexchange.core.migrations.Migration;
import java.time.Instant;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Log Shipper collections: SIEM mappings by source (the worker's lookup per batch), unique names, dead
 * letters by mapping and age, per-minute counters by mapping; and the built-in business rule "All".
 */
@Component
class V25LogShipperCollections implements Migration {

    private final IndexCreator indexes;

    V25LogShipperCollections(IndexCreator indexes) {
        this.indexes = indexes;
    }

    @Override
    public int version() {
        return 25;
    }

    @Override
    public String description() {
        return "Log Shipper: SIEM mappings, business rules, dead letters, counters";
    }

    @Override
    public void apply(MongoTemplate mongo) {
        indexes.ensure(mongo, SiemMapping.COLLECTION, new Index("name", Sort.Direction.ASC).unique().named("name_unique"));
        indexes.ensure(mongo, SiemMapping.COLLECTION, new Index("sourceConfigurationId", Sort.Direction.ASC)
                .on("enabled", Sort.Direction.ASC).named("source_enabled"));
        indexes.ensure(mongo, BusinessRule.COLLECTION, new Index("name", Sort.Direction.ASC).unique().named("name_unique"));
        indexes.ensure(mongo, "cls_dead_letters", new Index("mappingId", Sort.Direction.ASC)
                .on("failedAt", Sort.Direction.DESC).named("mapping_failedAt_desc"));
        indexes.ensure(mongo, "cls_dead_letters", new Index("failedAt", Sort.Direction.DESC).named("failedAt_desc"));
        indexes.ensure(mongo, "cls_counters", new Index("mappingId", Sort.Direction.ASC)
                .on("minute", Sort.Direction.ASC).named("mapping_minute"));
        if (!mongo.exists(Query.query(Criteria.where("_id").is(BusinessRule.ALL_ID)), BusinessRule.COLLECTION)) {
            Instant now = Instant.now();
            mongo.getCollection(BusinessRule.COLLECTION).insertOne(new Document("_id", BusinessRule.ALL_ID)
                    .append("name", BusinessRule.ALL).append("query", "").append("builtIn", true)
                    .append("createdAt", java.util.Date.from(now)).append("updatedAt", java.util.Date.from(now))
                    .append("version", 0L));
        }
    }
}
