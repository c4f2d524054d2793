package io.cloudexchange.core.configurations;

import io.cloudexchange.core.pull.PullStatus;
import io.cloudexchange.plugin.api.PlatformModule;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A configuration as the API shows it: secret parameters are only named in {@code secretsSet}. */
public record ConfigurationResponse(String id, String name, String pluginId, PlatformModule module,
                                    Map<String, Object> parameters, List<String> secretsSet, boolean enabled,
                                    int pollIntervalSeconds, boolean useSystemProxy, boolean sslValidation,
                                    Instant createdAt, Instant updatedAt, PullStatus lastRun) {

    static ConfigurationResponse of(PluginConfiguration configuration, PullStatus lastRun) {
        return new ConfigurationResponse(configuration.id(), configuration.name(), configuration.pluginId(),
                configuration.module(), configuration.parameters(),
                configuration.secrets().keySet().stream().sorted().toList(), configuration.enabled(),
                configuration.pollIntervalSeconds(), configuration.useSystemProxy(), configuration.sslValidation(),
                configuration.createdAt(), configuration.updatedAt(), lastRun);
    }
}
