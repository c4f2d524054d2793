package io.cloudexchange.core.runtime;

import io.cloudexchange.core.configurations.ConfigurationDeletedEvent;
import io.cloudexchange.plugin.api.KeyValueStore;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/** The key/value storage of plugin configurations, in the {@code plugin_storage} collection. */
@Component
public class PluginStorage {

    private final MongoOperations mongo;

    public PluginStorage(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Persistent storage, or a throw-away one for a configuration without id. */
    public KeyValueStore forConfiguration(String configurationId) {
        return configurationId == null ? new InMemoryKeyValueStore() : new MongoKeyValueStore(mongo, configurationId);
    }

    @EventListener
    void onConfigurationDeleted(ConfigurationDeletedEvent event) {
        mongo.remove(MongoKeyValueStore.byId(event.configurationId()), PluginStorageDocument.class);
    }
}
