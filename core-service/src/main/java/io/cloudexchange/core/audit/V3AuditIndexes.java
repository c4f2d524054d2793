package io.cloudexchange.core.audit;

import io.cloudexchange.core.migrations.IndexCreator;
import io.cloudexchange.core.migrations.Migration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Indexes behind the audit log's filters (newest first) and the retention purge. */
@Component
class V3AuditIndexes implements Migration {

    private final IndexCreator indexes;

    V3AuditIndexes(IndexCreator indexes) {
        this.indexes = indexes;
    }

    @Override
    public int version() {
        return 3;
    }

    @Override
    public String description() {
        return "indexes for audit_log";
    }

    @Override
    public void apply(MongoTemplate mongo) {
        indexes.ensure(mongo, AuditEntry.COLLECTION, new Index("at", Sort.Direction.DESC).named("at_desc"));
        for (String filter : new String[] {"actor", "action"}) {
            indexes.ensure(mongo, AuditEntry.COLLECTION, new Index(filter, Sort.Direction.ASC)
                    .on("at", Sort.Direction.DESC).named(filter + "_at_desc"));
        }
    }
}
