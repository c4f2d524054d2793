package io.cloudexchange.core.cls.mapping;

import io.cloudexchange.core.migrations.IndexCreator;
import io.cloudexchange.core.migrations.Migration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Mapping file names are unique (looked up on every save). */
@Component
class V20MappingFileIndexes implements Migration {

    private final IndexCreator indexes;

    V20MappingFileIndexes(IndexCreator indexes) {
        this.indexes = indexes;
    }

    @Override
    public int version() {
        return 20;
    }

    @Override
    public String description() {
        return "unique name of cls_mapping_files";
    }

    @Override
    public void apply(MongoTemplate mongo) {
        indexes.ensure(mongo, "cls_mapping_files", new Index("name", Sort.Direction.ASC).unique().named("name_unique"));
    }
}
