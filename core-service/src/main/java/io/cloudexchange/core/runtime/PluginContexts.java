package io.cloudexchange.core.runtime;

import io.cloudexchange.core.configurations.PluginConfiguration;
import io.cloudexchange.plugin.api.PluginContext;

/** Builds the {@link PluginContext} handed to every plugin call. */
public interface PluginContexts {

    /**
     * A context for a configuration. For a configuration not saved yet (null id, e.g. while
     * validating a new one) storage is in memory and discarded.
     */
    PluginContext forConfiguration(PluginConfiguration configuration);
}
