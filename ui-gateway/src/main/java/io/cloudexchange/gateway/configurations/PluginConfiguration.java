package io.cloudexchange.gateway.configurations;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A plugin configuration as core-service answers it: secret parameters are only listed in {@code secretsSet}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PluginConfiguration(String id, String name, String pluginId, String module, Map<String, Object> parameters,
        boolean enabled, Object pollIntervalSeconds, boolean useSystemProxy, boolean sslValidation,
        List<String> secretsSet, String createdAt, String updatedAt, LastRun lastRun) {

    public PluginConfiguration {
        parameters = parameters == null ? Map.of() : parameters;
        secretsSet = secretsSet == null ? List.of() : List.copyOf(secretsSet);
    }

    static PluginConfiguration blank(String pluginId) {
        return new PluginConfiguration(null, "", pluginId, null, Map.of(), true, 300, false, true, List.of(), null,
                null, null);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LastRun(String startedAt, String finishedAt, String status, Long items, Long rejected, String message) {
    }
}
