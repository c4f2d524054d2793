package io.cloudexchange.core.plugins;

import io.cloudexchange.plugin.api.Plugin;
import io.cloudexchange.plugin.api.PluginDescriptor;
import java.nio.file.Path;

/**
 * A plugin the platform accepted.
 *
 * @param plugin the instance (stateless, shared by all configurations)
 * @param source where it came from
 * @param jar the custom jar it was loaded from, or null for bundled plugins
 */
public record LoadedPlugin(Plugin plugin, Source source, Path jar) {

    public enum Source { BUNDLED, CUSTOM }

    public PluginDescriptor descriptor() {
        return plugin.descriptor();
    }

    public String id() {
        return plugin.descriptor().id();
    }
}
