package io.cloudexchange.core.migrations;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Indexes behind the configuration list, the log viewer's filters (newest first) and settings. Names
 * match what Spring Data derives from {@code @Indexed}, so enabling auto-index creation never clashes.
 */
class V1InitialIndexes implements Migration {

    private final IndexCreator indexes;

    V1InitialIndexes(IndexCreator indexes) {
        this.indexes = indexes;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String description() {
        return "indexes for plugin_configurations, platform_logs and settings";
    }

    @Override
    public void apply(MongoTemplate mongo) {
        indexes.ensure(mongo, "plugin_configurations", new Index("name", Sort.Direction.ASC).named("name").unique());
        indexes.ensure(mongo, "plugin_configurations", new Index("pluginId", Sort.Direction.ASC).named("pluginId"));

        indexes.ensure(mongo, "platform_logs", new Index("createdAt", Sort.Direction.DESC).named("createdAt_desc"));
        for (String filter : new String[] {"level", "errorCode", "source"}) {
            indexes.ensure(mongo, "platform_logs", new Index(filter, Sort.Direction.ASC)
                    .on("createdAt", Sort.Direction.DESC).named(filter + "_createdAt_desc"));
        }

        // one document looked up by _id: the collection needs no further index, only to exist
        if (!mongo.collectionExists("settings")) {
            mongo.createCollection("settings");
        }
    }
}
