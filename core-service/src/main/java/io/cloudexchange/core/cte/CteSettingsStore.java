package io.cloudexchange.core.cte;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/** Reads and saves the Threat Exchange settings; defaults until an admin saves them. */
@Component
public class CteSettingsStore {

    private final MongoOperations mongo;

    CteSettingsStore(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public CteSettings current() {
        CteSettings saved = mongo.findById(CteSettings.ID, CteSettings.class);
        return saved == null ? CteSettings.defaults() : saved;
    }

    CteSettings save(CteSettings settings) {
        return mongo.save(settings);
    }
}
