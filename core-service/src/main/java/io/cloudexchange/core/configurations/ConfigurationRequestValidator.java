package io.cloudexchange.core.configurations;

import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.core.plugins.LoadedPlugin;
import io.cloudexchange.core.plugins.PluginRegistry;
import io.cloudexchange.core.secrets.SecretCipher;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Checks a configuration request against the platform's rules and the plugin's schema, and turns it
 * into the configuration to store: secret parameters encrypted (or kept from the stored version when
 * left empty), everything else as given. Throws {@link InvalidRequestException} listing every problem.
 */
@Component
class ConfigurationRequestValidator {

    private static final String PARAMETERS = "parameters.";

    private final PluginRegistry plugins;
    private final SecretCipher cipher;

    ConfigurationRequestValidator(PluginRegistry plugins, SecretCipher cipher) {
        this.plugins = plugins;
        this.cipher = cipher;
    }

    /** @param stored the configuration being updated, or null for a new one */
    PluginConfiguration toConfiguration(ConfigurationRequest request, PluginConfiguration stored, Instant now) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            errors.put("name", "is required");
        } else if (name.length() > ConfigurationRequest.MAX_NAME_LENGTH) {
            errors.put("name", "must be at most " + ConfigurationRequest.MAX_NAME_LENGTH + " characters");
        }
        int pollInterval = request.pollIntervalSeconds() == null
                ? ConfigurationRequest.DEFAULT_POLL_INTERVAL_SECONDS : request.pollIntervalSeconds();
        if (pollInterval < PluginConfiguration.MIN_POLL_INTERVAL_SECONDS || pollInterval > PluginConfiguration.MAX_POLL_INTERVAL_SECONDS) {
            errors.put("pollIntervalSeconds", "must be between " + PluginConfiguration.MIN_POLL_INTERVAL_SECONDS
                    + " and " + PluginConfiguration.MAX_POLL_INTERVAL_SECONDS);
        }
        LoadedPlugin plugin = plugin(request.pluginId(), stored, errors);
        PlatformModule module = plugin == null ? null : module(request.module(), plugin, stored, errors);
        Map<String, Object> parameters = new LinkedHashMap<>();
        Map<String, String> secrets = new LinkedHashMap<>();
        if (plugin != null) {
            splitParameters(request.parameters(), plugin.plugin().configSchema(), stored, parameters, secrets, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors, null);
        }
        return new PluginConfiguration(stored == null ? null : stored.id(), name, plugin.id(), module, parameters, secrets,
                request.enabled() == null || request.enabled(), pollInterval,
                request.useSystemProxy() != null && request.useSystemProxy(),
                request.sslValidation() == null || request.sslValidation(),
                stored == null ? now : stored.createdAt(), now, stored == null ? null : stored.version());
    }

    private LoadedPlugin plugin(String pluginId, PluginConfiguration stored, Map<String, String> errors) {
        if (pluginId == null || pluginId.isBlank()) {
            errors.put("pluginId", "is required");
            return null;
        }
        if (stored != null && !stored.pluginId().equals(pluginId)) {
            errors.put("pluginId", "cannot be changed; create a new configuration instead");
            return null;
        }
        LoadedPlugin plugin = plugins.find(pluginId).orElse(null);
        if (plugin == null) {
            errors.put("pluginId", "unknown plugin '" + pluginId + "'");
        }
        return plugin;
    }

    private static PlatformModule module(PlatformModule requested, LoadedPlugin plugin, PluginConfiguration stored,
                                         Map<String, String> errors) {
        Set<PlatformModule> served = plugin.descriptor().modules();
        PlatformModule module = requested != null ? requested : stored != null ? stored.module()
                : served.size() == 1 ? served.iterator().next() : null;
        if (module == null) {
            errors.put("module", "is required: the plugin serves " + served.stream().sorted().toList());
        } else if (!served.contains(module)) {
            errors.put("module", "the plugin does not serve " + module + "; it serves " + served.stream().sorted().toList());
        } else if (stored != null && stored.module() != module) {
            errors.put("module", "cannot be changed; create a new configuration instead");
        }
        return module;
    }

    private void splitParameters(Map<String, Object> given, ConfigSchema schema, PluginConfiguration stored,
                                 Map<String, Object> parameters, Map<String, String> secrets, Map<String, String> errors) {
        Set<String> secretKeys = schema.secretKeys();
        Map<String, Object> effective = new LinkedHashMap<>();
        given.forEach((key, value) -> {
            if (value == null) {
                return;
            }
            if (!secretKeys.contains(key)) {
                parameters.put(key, value);
                effective.put(key, value);
            } else if (value instanceof String text && !text.isEmpty()) {
                secrets.put(key, cipher.encrypt(text));
                effective.put(key, text);
            } else if (!(value instanceof String)) {
                effective.put(key, value);
            }
        });
        if (stored != null) {
            stored.secrets().forEach((key, encrypted) -> {
                if (secretKeys.contains(key) && !secrets.containsKey(key) && !effective.containsKey(key)) {
                    secrets.put(key, encrypted);
                    effective.put(key, cipher.decrypt(encrypted));
                }
            });
        }
        schema.validate(effective).fieldErrors().forEach((key, problem) -> errors.put(PARAMETERS + key, problem));
    }
}
