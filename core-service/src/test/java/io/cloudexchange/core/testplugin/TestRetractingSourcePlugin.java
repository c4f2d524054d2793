package io.cloudexchange.core.testplugin;

import io.cloudexchange.plugin.api.Capability;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PluginDescriptor;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.cte.Indicator;
import io.cloudexchange.plugin.api.cte.ThreatIntelPlugin;
import java.util.List;
import java.util.Set;

/** A Threat Exchange source for tests that no longer vouches for values containing "stale". */
public class TestRetractingSourcePlugin implements ThreatIntelPlugin {

    public static final String ID = "test-retracting-source";

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(ID, "Retracting source", "1.0.0", "Retracts stale values",
                Set.of(PlatformModule.CTE), "0.1.0", Set.of(Capability.PULL, Capability.RETRACTION));
    }

    @Override
    public ConfigSchema configSchema() {
        return ConfigSchema.empty();
    }

    @Override
    public List<Indicator> retractedIndicators(PluginContext context, List<Indicator> candidates) {
        return candidates.stream().filter(indicator -> indicator.value().contains("stale")).toList();
    }
}
