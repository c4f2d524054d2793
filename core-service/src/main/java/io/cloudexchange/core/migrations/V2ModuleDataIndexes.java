package io.cloudexchange.core.migrations;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Indexes behind the module workers' collections: the indicator list (newest first, by type and
 * severity), alerts per configuration and risk records per entity and score.
 */
class V2ModuleDataIndexes implements Migration {

    private final IndexCreator indexes;

    V2ModuleDataIndexes(IndexCreator indexes) {
        this.indexes = indexes;
    }

    @Override
    public int version() {
        return 2;
    }

    @Override
    public String description() {
        return "indexes for indicators, cto_alerts and cre_records";
    }

    @Override
    public void apply(MongoTemplate mongo) {
        indexes.ensure(mongo, "indicators", new Index("lastSeen", Sort.Direction.DESC).named("lastSeen_desc"));
        indexes.ensure(mongo, "indicators", new Index("type", Sort.Direction.ASC)
                .on("lastSeen", Sort.Direction.DESC).named("type_lastSeen_desc"));
        indexes.ensure(mongo, "indicators", new Index("severityRank", Sort.Direction.DESC)
                .on("lastSeen", Sort.Direction.DESC).named("severityRank_lastSeen_desc"));
        indexes.ensure(mongo, "cto_alerts", new Index("configurationId", Sort.Direction.ASC)
                .on("timestamp", Sort.Direction.DESC).named("configurationId_timestamp_desc"));
        indexes.ensure(mongo, "cre_records", new Index("entity", Sort.Direction.ASC)
                .on("normalizedScore", Sort.Direction.ASC).named("entity_normalizedScore"));
    }
}
