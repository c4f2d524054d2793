package io.cloudexchange.core.plugins;

import io.cloudexchange.plugin.api.Plugin;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.springframework.stereotype.Component;

/** Bundled plugins found on the classpath with {@link ServiceLoader}. */
@Component
public class ClasspathPluginRegistry implements PluginRegistry {

    private final Map<String, LoadedPlugin> plugins = new LinkedHashMap<>();

    public ClasspathPluginRegistry() {
        for (Plugin plugin : ServiceLoader.load(Plugin.class, getClass().getClassLoader())) {
            plugins.putIfAbsent(plugin.descriptor().id(), new LoadedPlugin(plugin, LoadedPlugin.Source.BUNDLED, null));
        }
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
    public LoadedPlugin install(java.io.InputStream jar, String fileName) {
        throw new PluginRejectedException("custom plugins are not supported by this registry");
    }
}
