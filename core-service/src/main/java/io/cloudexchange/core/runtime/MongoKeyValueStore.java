package io.cloudexchange.core.runtime;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.cloudexchange.plugin.api.KeyValueStore;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** A configuration's storage: one document per configuration; each write touches one entry. */
final class MongoKeyValueStore implements KeyValueStore {

    private final MongoOperations mongo;
    private final String configurationId;

    MongoKeyValueStore(MongoOperations mongo, String configurationId) {
        this.mongo = mongo;
        this.configurationId = configurationId;
    }

    static Query byId(String configurationId) {
        return Query.query(where("_id").is(configurationId));
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(asMap().get(key));
    }

    @Override
    public void put(String key, String value) {
        mongo.upsert(byId(configurationId), new Update().set(path(key), value), PluginStorageDocument.class);
    }

    @Override
    public void remove(String key) {
        mongo.updateFirst(byId(configurationId), new Update().unset(path(key)), PluginStorageDocument.class);
    }

    @Override
    public Map<String, String> asMap() {
        PluginStorageDocument document = mongo.findOne(byId(configurationId), PluginStorageDocument.class);
        return document == null ? Map.of() : Map.copyOf(MongoKeys.unescapeKeys(document.entries()));
    }

    private static String path(String key) {
        return PluginStorageDocument.ENTRIES + "." + MongoKeys.escape(key);
    }
}
