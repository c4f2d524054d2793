package io.cloudexchange.core.cte.lists;

import io.cloudexchange.core.migrations.IndexCreator;
import io.cloudexchange.core.migrations.Migration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Indexes behind the served lists: a token found by its hash; an EDL of one type read in {@code _id}
 * order; TAXII pages by date added ({@code lastSeen}) then id.
 */
class V30ListIndexes implements Migration {

    private final IndexCreator indexes;

    V30ListIndexes(IndexCreator indexes) {
        this.indexes = indexes;
    }

    @Override
    public int version() {
        return 30;
    }

    @Override
    public String description() {
        return "indexes for list tokens, EDL and TAXII paging";
    }

    @Override
    public void apply(MongoTemplate mongo) {
        indexes.ensure(mongo, ListToken.COLLECTION, new Index("tokenHash", Sort.Direction.ASC).unique()
                .named("tokenHash_unique"));
        indexes.ensure(mongo, ServedIndicators.COLLECTION, new Index("type", Sort.Direction.ASC)
                .on("_id", Sort.Direction.ASC).named("type_id"));
        indexes.ensure(mongo, ServedIndicators.COLLECTION, new Index("lastSeen", Sort.Direction.ASC)
                .on("_id", Sort.Direction.ASC).named("lastSeen_id"));
    }
}
