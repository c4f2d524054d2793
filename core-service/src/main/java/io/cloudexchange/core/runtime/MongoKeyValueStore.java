package io.cloudexchange.core.runtime;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.cloudexchange.plugin.api.KeyValueStore;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** A configuration's storage: one document per configuration, entries in its {@code entries} field. */
final class MongoKeyValueStore implements KeyValueStore {

    static final String COLLECTION = "plugin_storage";
    private static final String ENTRIES = "entries";

    private final MongoOperations mongo;
    private final String configurationId;

    MongoKeyValueStore(MongoOperations mongo, String configurationId) {
        this.mongo = mongo;
        this.configurationId = configurationId;
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(asMap().get(key));
    }

    @Override
    public void put(String key, String value) {
        mongo.upsert(byId(), new Update().set(path(key), value), COLLECTION);
    }

    @Override
    public void remove(String key) {
        mongo.updateFirst(byId(), new Update().unset(path(key)), COLLECTION);
    }

    @Override
    public Map<String, String> asMap() {
        Document document = mongo.findOne(byId(), Document.class, COLLECTION);
        if (document == null || !(document.get(ENTRIES) instanceof Document entries)) {
            return Map.of();
        }
        Map<String, String> values = new java.util.LinkedHashMap<>();
        entries.forEach((key, value) -> values.put(MongoKeys.unescape(key), String.valueOf(value)));
        return Map.copyOf(values);
    }

    private Query byId() {
        return Query.query(where("_id").is(configurationId));
    }

    private static String path(String key) {
        return ENTRIES + "." + MongoKeys.escape(key);
    }
}
