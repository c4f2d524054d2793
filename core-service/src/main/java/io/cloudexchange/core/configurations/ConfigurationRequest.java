package io.cloudexchange.core.configurations;

import io.cloudexchange.plugin.api.PlatformModule;
import java.util.Map;

/**
 * Body of {@code POST} and {@code PUT /api/configurations}. Checked as a whole by
 * {@link ConfigurationRequestValidator} so one answer lists every problem, plugin parameters included.
 *
 * @param module may be null when the plugin serves one module
 * @param parameters plugin parameter values; an empty or missing secret keeps the stored one on update
 */
public record ConfigurationRequest(String name, String pluginId, PlatformModule module, Map<String, Object> parameters,
                                   Boolean enabled, Integer pollIntervalSeconds, Boolean useSystemProxy,
                                   Boolean sslValidation) {

    public static final int MAX_NAME_LENGTH = 100;
    public static final int DEFAULT_POLL_INTERVAL_SECONDS = 300;

    public ConfigurationRequest {
        parameters = parameters == null ? Map.of() : parameters;
    }
}
