package io.cloudexchange.core.runtime;

import io.cloudexchange.core.configurations.PluginConfiguration;
import io.cloudexchange.core.logging.PlatformLog;
import io.cloudexchange.core.plugins.LoadedPlugin;
import io.cloudexchange.core.plugins.PluginRegistry;
import io.cloudexchange.core.runtime.http.PluginHttpClients;
import io.cloudexchange.core.secrets.SecretCipher;
import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PlatformVersion;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PluginDescriptor;
import io.cloudexchange.plugin.api.config.ConfigValues;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

@Component
class DefaultPluginContexts implements PluginContexts {

    private final PluginRegistry plugins;
    private final SecretCipher cipher;
    private final PluginStorage storage;
    private final CheckpointReader checkpoints;
    private final PluginHttpClients httpClients;
    private final PlatformLog platformLog;
    private final Clock clock;
    private final String platformAgent = "cloud-exchange/" + PlatformVersion.current();

    DefaultPluginContexts(PluginRegistry plugins, SecretCipher cipher, PluginStorage storage,
                          CheckpointReader checkpoints, PluginHttpClients httpClients, PlatformLog platformLog,
                          Clock clock) {
        this.plugins = plugins;
        this.cipher = cipher;
        this.storage = storage;
        this.checkpoints = checkpoints;
        this.httpClients = httpClients;
        this.platformLog = platformLog;
        this.clock = clock;
    }

    /**
     * @throws IllegalArgumentException when the configuration's plugin is not installed
     */
    @Override
    public PluginContext forConfiguration(PluginConfiguration configuration) {
        LoadedPlugin plugin = plugins.find(configuration.pluginId())
                .orElseThrow(() -> new IllegalArgumentException("plugin " + configuration.pluginId() + " is not installed"));
        String id = configuration.id();
        Supplier<Checkpoint> checkpoint = id == null
                ? Checkpoint::initial
                : () -> checkpoints.checkpoint(id, CheckpointReader.DEFAULT_STREAM);
        return new ConfiguredPluginContext(id, configuration.name(), configValues(plugin, configuration),
                storage.forConfiguration(id), checkpoint,
                new PlatformPluginLogger(platformLog, logSource(id)),
                memoize(() -> httpClients.clientFor(configuration)), userAgent(plugin.descriptor()), clock);
    }

    private ConfigValues configValues(LoadedPlugin plugin, PluginConfiguration configuration) {
        Map<String, Object> values = new HashMap<>(configuration.parameters());
        configuration.secrets().forEach((key, encrypted) -> values.put(key, cipher.decrypt(encrypted)));
        return ConfigValues.of(plugin.plugin().configSchema().withDefaults(values));
    }

    private static String logSource(String configurationId) {
        return configurationId == null ? PlatformLog.PLATFORM_SOURCE : PlatformLog.configurationSource(configurationId);
    }

    private String userAgent(PluginDescriptor descriptor) {
        return platformAgent + " " + descriptor.id() + "/" + descriptor.version();
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T current = value;
                if (current == null) {
                    current = supplier.get();
                    value = current;
                }
                return current;
            }
        };
    }
}
