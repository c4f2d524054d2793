package io.cloudexchange.plugin.testkit;

import io.cloudexchange.plugin.api.Action;
import io.cloudexchange.plugin.api.ActionDefinition;
import io.cloudexchange.plugin.api.Capability;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PluginDescriptor;
import io.cloudexchange.plugin.api.PushResult;
import io.cloudexchange.plugin.api.config.ConfigField;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.cte.Indicator;
import io.cloudexchange.plugin.api.cte.ThreatIntelPlugin;
import java.util.List;

class FakeThreatDestinationTest extends ThreatIntelDestinationContractTest<FakeThreatDestinationTest.FakeThreatDestination> {

    @Override
    protected FakeThreatDestination createPlugin() {
        return new FakeThreatDestination();
    }

    public static final class FakeThreatDestination implements ThreatIntelPlugin {

        @Override
        public PluginDescriptor descriptor() {
            return Fakes.descriptor("fake-threat-destination", PlatformModule.CTE, Capability.PUSH);
        }

        @Override
        public ConfigSchema configSchema() {
            return ConfigSchema.empty();
        }

        @Override
        public List<ActionDefinition> actions(PluginContext context) {
            return List.of(
                    new ActionDefinition("Add to list", "add", true,
                            ConfigSchema.of(ConfigField.text("list", "List").required())),
                    new ActionDefinition("Do nothing", "none", false, null));
        }

        @Override
        public PushResult push(PluginContext context, List<Indicator> indicators, Action action) {
            return PushResult.ok("shared " + indicators.size());
        }
    }
}
