package io.cloudexchange.plugin.testkit;

import io.cloudexchange.plugin.api.Capability;
import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PluginDescriptor;
import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.config.ConfigField;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.cte.Indicator;
import io.cloudexchange.plugin.api.cte.IndicatorType;
import io.cloudexchange.plugin.api.cte.ThreatIntelPlugin;
import java.util.Map;
import java.util.stream.IntStream;

class FakeThreatSourceTest extends ThreatIntelSourceContractTest<FakeThreatSourceTest.FakeThreatSource> {

    @Override
    protected FakeThreatSource createPlugin() {
        return new FakeThreatSource();
    }

    @Override
    protected Map<String, Object> validConfiguration() {
        return Map.of("api_key", "k");
    }

    public static final class FakeThreatSource implements ThreatIntelPlugin {
        private static final int TOTAL = 25;

        @Override
        public PluginDescriptor descriptor() {
            return Fakes.descriptor("fake-threat-source", PlatformModule.CTE, Capability.PULL);
        }

        @Override
        public ConfigSchema configSchema() {
            return ConfigSchema.of(ConfigField.password("api_key", "API key").required(),
                    ConfigField.number("page", "Page size").range(1, 100).withDefault(10).required());
        }

        @Override
        public PullPage<Indicator> pullIndicators(PluginContext context, Checkpoint checkpoint) {
            int start = Fakes.position(checkpoint);
            int end = Math.min(TOTAL, start + (int) context.config().number("page", 10));
            var items = IntStream.range(start, end).mapToObj(i -> Indicator.of(IndicatorType.DOMAIN, "d" + i + ".example")).toList();
            return new PullPage<>(items, null, Fakes.at(end), end < TOTAL);
        }
    }
}
