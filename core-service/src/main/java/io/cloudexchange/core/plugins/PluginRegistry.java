package io.cloudexchange.core.plugins;

import java.util.Collection;
import java.util.Optional;

/** The plugins available to configurations: bundled ones and accepted custom jars. */
public interface PluginRegistry {

    Collection<LoadedPlugin> all();

    Optional<LoadedPlugin> find(String pluginId);
}
