package io.cloudexchange.plugin.testkit;

import io.cloudexchange.plugin.api.Capability;
import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PluginDescriptor;
import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.cre.Entity;
import io.cloudexchange.plugin.api.cre.EntityField;
import io.cloudexchange.plugin.api.cre.EntityFieldType;
import io.cloudexchange.plugin.api.cre.RiskPlugin;
import io.cloudexchange.plugin.api.cre.RiskRecord;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

class FakeRiskTest extends RiskContractTest<FakeRiskTest.FakeRisk> {

    @Override
    protected FakeRisk createPlugin() {
        return new FakeRisk();
    }

    public static final class FakeRisk implements RiskPlugin {

        @Override
        public PluginDescriptor descriptor() {
            return Fakes.descriptor("fake-risk", PlatformModule.CRE, Capability.PULL);
        }

        @Override
        public ConfigSchema configSchema() {
            return ConfigSchema.empty();
        }

        @Override
        public List<Entity> entities(PluginContext context) {
            return List.of(new Entity("users", List.of(new EntityField("email", EntityFieldType.EMAIL, true, null))));
        }

        @Override
        public PullPage<RiskRecord> fetchRecords(PluginContext context, String entity, Checkpoint checkpoint) {
            int start = Fakes.position(checkpoint);
            List<RiskRecord> records = IntStream.range(start, Math.min(start + 2, 3))
                    .mapToObj(i -> new RiskRecord(entity, "user" + i + "@example.com", Map.of(), 100 * i)).toList();
            return PullPage.last(records, Fakes.at(start + records.size()));
        }
    }
}
