package io.cloudexchange.core.testplugin;

import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.KeyValueStore;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PluginLogger;
import io.cloudexchange.plugin.api.config.ConfigValues;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;

/** A context carrying only configuration values: enough for {@code Plugin.validate}. */
public record TestPluginContext(String configurationId, String configurationName, Map<String, Object> values)
        implements PluginContext {

    @Override
    public ConfigValues config() {
        return ConfigValues.of(values);
    }

    @Override
    public KeyValueStore storage() {
        throw new UnsupportedOperationException("not needed by validation tests");
    }

    @Override
    public Checkpoint checkpoint() {
        throw new UnsupportedOperationException("not needed by validation tests");
    }

    @Override
    public PluginLogger logger() {
        throw new UnsupportedOperationException("not needed by validation tests");
    }

    @Override
    public HttpClient httpClient() {
        throw new UnsupportedOperationException("not needed by validation tests");
    }

    @Override
    public String userAgent() {
        return "cloud-exchange-test";
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }
}
