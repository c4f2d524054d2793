package io.cloudexchange.core.plugins;

import java.util.Collection;
import java.util.Optional;

/** The plugins available to configurations: bundled ones and accepted custom jars. */
public interface PluginRegistry {

    Collection<LoadedPlugin> all();

    Optional<LoadedPlugin> find(String pluginId);

    /**
     * Validates an uploaded custom plugin jar, stores it under {@code data/custom_plugins} and loads it.
     *
     * @throws PluginRejectedException when the jar is refused (bad manifest, duplicate id, too new...)
     */
    LoadedPlugin install(java.io.InputStream jar, String fileName);
}
