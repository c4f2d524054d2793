package io.cloudexchange.core.cte;

import io.cloudexchange.core.migrations.IndexCreator;
import io.cloudexchange.core.migrations.Migration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * An index behind every filterable indicator field (each with {@code lastSeen} second, the IoC table's default
 * order), the aging and sharing scans ({@code active}+{@code expiresAt}, {@code updatedAt}), and the Threat
 * Exchange collections' lookups.
 */
@Component
class V35IndicatorIndexes implements Migration {

    private static final String[] FILTERABLE = {"value", "reputation", "firstSeen", "tags", "sourceIds", "active",
            "retracted", "sharedWith", "expiresAt", "updatedAt", "comments"};

    private final IndexCreator indexes;

    V35IndicatorIndexes(IndexCreator indexes) {
        this.indexes = indexes;
    }

    @Override
    public int version() {
        return 35;
    }

    @Override
    public String description() {
        return "indexes for every filterable indicator field, aging, sharing, business rules and tags";
    }

    @Override
    public void apply(MongoTemplate mongo) {
        for (String field : FILTERABLE) {
            indexes.ensure(mongo, StoredIndicator.COLLECTION, new Index(field, Sort.Direction.ASC)
                    .on("lastSeen", Sort.Direction.DESC).named(field + "_lastSeen_desc"));
        }
        indexes.ensure(mongo, StoredIndicator.COLLECTION, new Index("active", Sort.Direction.ASC)
                .on("expiresAt", Sort.Direction.ASC).named("active_expiresAt"));
        indexes.ensure(mongo, StoredIndicator.COLLECTION, new Index("updatedAt", Sort.Direction.ASC)
                .on("_id", Sort.Direction.ASC).named("updatedAt_id"));
        indexes.ensure(mongo, "cte_tags", new Index("name", Sort.Direction.ASC).unique().named("name_unique"));
        indexes.ensure(mongo, "cte_business_rules", new Index("name", Sort.Direction.ASC).unique().named("name_unique"));
        indexes.ensure(mongo, "cte_sharing", new Index("name", Sort.Direction.ASC).unique().named("name_unique"));
    }
}
