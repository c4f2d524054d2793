package io.cloudexchange.core.cls.history;

import io.cloudexchange.core.migrations.IndexCreator;
import io.cloudexchange.core.migrations.Migration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Historical pull jobs: listed per SIEM mapping newest first; running ones looked up by status and source. */
@Component
class V50HistoricalPullIndexes implements Migration {

    private final IndexCreator indexes;

    V50HistoricalPullIndexes(IndexCreator indexes) {
        this.indexes = indexes;
    }

    @Override
    public int version() {
        return 50;
    }

    @Override
    public String description() {
        return "Log Shipper: historical pull jobs";
    }

    @Override
    public void apply(MongoTemplate mongo) {
        indexes.ensure(mongo, HistoricalPullJob.COLLECTION, new Index("mappingId", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.DESC).named("mapping_createdAt_desc"));
        indexes.ensure(mongo, HistoricalPullJob.COLLECTION, new Index("status", Sort.Direction.ASC)
                .on("sourceConfigurationId", Sort.Direction.ASC).named("status_source"));
    }
}
