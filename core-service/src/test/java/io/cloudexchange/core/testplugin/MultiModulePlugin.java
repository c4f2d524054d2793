package io.cloudexchange.core.testplugin;

import io.cloudexchange.plugin.api.Plugin;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.PluginDescriptor;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import java.util.Set;

/** A plugin for API tests that serves two modules, so a configuration must name one. */
public class MultiModulePlugin implements Plugin {

    public static final String ID = "test-multi";

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(ID, "Test multi-module", "1.0.0", null, Set.of(PlatformModule.CTO, PlatformModule.CLS),
                "0.1.0", Set.of());
    }

    @Override
    public ConfigSchema configSchema() {
        return ConfigSchema.empty();
    }
}
