package io.cloudexchange.core.cls.delivery;

import io.cloudexchange.core.migrations.IndexCreator;
import io.cloudexchange.core.migrations.Migration;
import java.time.Duration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Attempt counts of batches acknowledged before their count was removed expire after a week. */
@Component
class V56DeliveryAttemptsExpiry implements Migration {

    private final IndexCreator indexes;

    V56DeliveryAttemptsExpiry(IndexCreator indexes) {
        this.indexes = indexes;
    }

    @Override
    public int version() {
        return 56;
    }

    @Override
    public String description() {
        return "Log Shipper: delivery attempt counts expire";
    }

    @Override
    public void apply(MongoTemplate mongo) {
        indexes.ensure(mongo, DeliveryAttempts.COLLECTION, new Index("updatedAt", Sort.Direction.ASC)
                .expire(Duration.ofDays(7)).named("updatedAt_ttl"));
    }
}
