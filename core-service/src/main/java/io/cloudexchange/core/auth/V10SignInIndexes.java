package io.cloudexchange.core.auth;

import io.cloudexchange.core.migrations.IndexCreator;
import io.cloudexchange.core.migrations.Migration;
import java.time.Duration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** TTL indexes that remove per-address sign-in failures and recorded token uses once they no longer matter. */
@Component
class V10SignInIndexes implements Migration {

    private final IndexCreator indexes;

    V10SignInIndexes(IndexCreator indexes) {
        this.indexes = indexes;
    }

    @Override
    public int version() {
        return 10;
    }

    @Override
    public String description() {
        return "TTL indexes for signin_failures and token_uses";
    }

    @Override
    public void apply(MongoTemplate mongo) {
        for (String collection : new String[] {AddressThrottle.SignInFailures.COLLECTION, TokenUseAudit.TokenUse.COLLECTION}) {
            indexes.ensure(mongo, collection, new Index("expiresAt", Sort.Direction.ASC)
                    .expire(Duration.ZERO).named("expiresAt_ttl"));
        }
    }
}
