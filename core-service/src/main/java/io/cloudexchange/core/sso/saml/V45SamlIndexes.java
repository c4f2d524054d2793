package io.cloudexchange.core.sso.saml;

import io.cloudexchange.core.migrations.IndexCreator;
import io.cloudexchange.core.migrations.Migration;
import java.time.Duration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** TTL indexes that remove outstanding SAML requests and used assertion IDs once they expired. */
@Component
class V45SamlIndexes implements Migration {

    private final IndexCreator indexes;

    V45SamlIndexes(IndexCreator indexes) {
        this.indexes = indexes;
    }

    @Override
    public int version() {
        return 45;
    }

    @Override
    public String description() {
        return "TTL indexes for saml_requests and saml_used_assertions";
    }

    @Override
    public void apply(MongoTemplate mongo) {
        for (String collection : new String[] {SamlRequestStore.OutstandingRequest.COLLECTION,
                SamlRequestStore.UsedAssertion.COLLECTION}) {
            indexes.ensure(mongo, collection, new Index("expiresAt", Sort.Direction.ASC)
                    .expire(Duration.ZERO).named("expiresAt_ttl"));
        }
    }
}
