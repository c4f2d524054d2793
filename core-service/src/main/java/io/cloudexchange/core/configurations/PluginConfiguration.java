package io.cloudexchange.core.configurations;

import io.cloudexchange.plugin.api.PlatformModule;
import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A configured instance of a plugin. Secret parameters live encrypted in {@code secrets} and never
 * in {@code parameters}. Pull progress (checkpoints, last run) is kept apart, in the pull state.
 *
 * @param id generated id
 * @param name unique display name
 * @param pluginId the plugin's descriptor id
 * @param module the module this configuration serves (a plugin may serve several)
 * @param parameters non-secret parameter values
 * @param secrets secret parameter values, encrypted by {@code SecretCipher}
 * @param enabled whether the scheduler runs it
 * @param pollIntervalSeconds seconds between pulls
 * @param useSystemProxy route the plugin's HTTP through the platform proxy
 * @param sslValidation verify TLS certificates of the plugin's HTTP peers
 */
@Document("plugin_configurations")
public record PluginConfiguration(
        @Id String id,
        @Indexed(unique = true) String name,
        @Indexed String pluginId,
        PlatformModule module,
        Map<String, Object> parameters,
        Map<String, String> secrets,
        boolean enabled,
        int pollIntervalSeconds,
        boolean useSystemProxy,
        boolean sslValidation,
        Instant createdAt,
        Instant updatedAt,
        @Version Long version) {

    public static final int MIN_POLL_INTERVAL_SECONDS = 10;
    public static final int MAX_POLL_INTERVAL_SECONDS = 7 * 24 * 3600;

    public PluginConfiguration {
        parameters = parameters == null ? Map.of() : parameters;
        secrets = secrets == null ? Map.of() : secrets;
    }
}
