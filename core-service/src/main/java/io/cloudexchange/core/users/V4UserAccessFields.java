package io.cloudexchange.core.users;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.cloudexchange.core.migrations.Migration;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Users created before roles and access stamps existed get the new fields' defaults: enabled, no
 * password history. Their access stamp stays unset, which matches the tokens they already hold.
 */
@Component
class V4UserAccessFields implements Migration {

    @Override
    public int version() {
        return 4;
    }

    @Override
    public String description() {
        return "defaults for users' disabled flag and password history";
    }

    @Override
    public void apply(MongoTemplate mongo) {
        mongo.updateMulti(query(where("disabled").exists(false)), new Update().set("disabled", false), User.class);
        mongo.updateMulti(query(where("previousPasswordHashes").exists(false)),
                new Update().set("previousPasswordHashes", List.of()), User.class);
    }
}
