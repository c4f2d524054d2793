package io.cloudexchange.core.runtime;

import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.KeyValueStore;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PluginLogger;
import io.cloudexchange.plugin.api.config.ConfigValues;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.function.Supplier;

/** The context of one configuration; the checkpoint and HTTP client are looked up when asked for. */
final class ConfiguredPluginContext implements PluginContext {

    private final String configurationId;
    private final String configurationName;
    private final ConfigValues config;
    private final KeyValueStore storage;
    private final Supplier<Checkpoint> checkpoint;
    private final PluginLogger logger;
    private final Supplier<HttpClient> httpClient;
    private final String userAgent;
    private final Clock clock;

    ConfiguredPluginContext(String configurationId, String configurationName, ConfigValues config,
                            KeyValueStore storage, Supplier<Checkpoint> checkpoint, PluginLogger logger,
                            Supplier<HttpClient> httpClient, String userAgent, Clock clock) {
        this.configurationId = configurationId;
        this.configurationName = configurationName;
        this.config = config;
        this.storage = storage;
        this.checkpoint = checkpoint;
        this.logger = logger;
        this.httpClient = httpClient;
        this.userAgent = userAgent;
        this.clock = clock;
    }

    @Override
    public String configurationId() {
        return configurationId;
    }

    @Override
    public String configurationName() {
        return configurationName;
    }

    @Override
    public ConfigValues config() {
        return config;
    }

    @Override
    public KeyValueStore storage() {
        return storage;
    }

    @Override
    public Checkpoint checkpoint() {
        return checkpoint.get();
    }

    @Override
    public PluginLogger logger() {
        return logger;
    }

    @Override
    public HttpClient httpClient() {
        return httpClient.get();
    }

    @Override
    public String userAgent() {
        return userAgent;
    }

    @Override
    public Clock clock() {
        return clock;
    }
}
