package io.cloudexchange.core.testsupport;

import io.cloudexchange.core.plugins.LoadedPlugin;
import io.cloudexchange.core.plugins.PluginRegistry;
import io.cloudexchange.core.plugins.PluginRejectedException;
import io.cloudexchange.plugin.api.Plugin;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A registry holding exactly the plugins a test hands it. */
public final class TestPluginRegistry implements PluginRegistry {

    private final Map<String, LoadedPlugin> plugins;

    public TestPluginRegistry(Plugin... plugins) {
        this.plugins = Arrays.stream(plugins)
                .map(plugin -> new LoadedPlugin(plugin, LoadedPlugin.Source.BUNDLED, null))
                .collect(Collectors.toMap(LoadedPlugin::id, Function.identity()));
    }

    @Override
    public Collection<LoadedPlugin> all() {
        return plugins.values();
    }

    @Override
    public Optional<LoadedPlugin> find(String pluginId) {
        return Optional.ofNullable(plugins.get(pluginId));
    }

    @Override
    public LoadedPlugin install(InputStream jar, String fileName) {
        throw new PluginRejectedException("tests do not install plugins");
    }
}
