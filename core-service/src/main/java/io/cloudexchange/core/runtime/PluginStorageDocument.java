package io.cloudexchange.core.runtime;

import java.util.Map;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.mapping.MongoId;

/**
 * The stored key/value entries of one configuration, keys escaped with {@link MongoKeys}.
 *
 * @param configurationId kept as a plain string, like every reference to a configuration
 */
@Document("plugin_storage")
record PluginStorageDocument(@MongoId(FieldType.STRING) String configurationId, Map<String, String> entries) {

    static final String ENTRIES = "entries";

    PluginStorageDocument {
        entries = entries == null ? Map.of() : entries;
    }
}
