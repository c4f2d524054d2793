package io.cloudexchange.plugins.netskope;

import io.cloudexchange.netskope.simulator.NetskopeSimulator;
import io.cloudexchange.netskope.simulator.SimulatorConfig;
import io.cloudexchange.plugin.testkit.TestPluginContext;
import io.cloudexchange.plugin.testkit.ThreatIntelDestinationContractTest;
import io.cloudexchange.plugin.testkit.ThreatIntelSourceContractTest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;

/** The platform's source and destination contracts, run against a simulated tenant. */
class NetskopeThreatContractTests {

    private static final NetskopeSimulator TENANT = NetskopeSimulator.start(NetskopeTestTenant.smallTenant());

    @AfterAll
    static void stop() {
        TENANT.close();
    }

    static Map<String, Object> configuration() {
        return Map.of(NetskopeThreatSettings.TENANT_URL, TENANT.baseUrl().toString(),
                NetskopeThreatSettings.V2_TOKEN, SimulatorConfig.DEFAULT_V2_TOKEN,
                NetskopeThreatSettings.V1_TOKEN, SimulatorConfig.DEFAULT_V1_TOKEN,
                NetskopeThreatSettings.PULL_TYPES, List.of("malware", "malsite"));
    }

    @Nested
    class Source extends ThreatIntelSourceContractTest<NetskopeThreatPlugin> {

        @Override
        protected NetskopeThreatPlugin createPlugin() {
            return new NetskopeThreatPlugin();
        }

        @Override
        protected Map<String, Object> validConfiguration() {
            return configuration();
        }

        @Override
        protected TestPluginContext context(Map<String, Object> configuration) {
            return super.context(configuration).toBuilder().clock(Clock.systemUTC()).build();
        }
    }

    @Nested
    class Destination extends ThreatIntelDestinationContractTest<NetskopeThreatPlugin> {

        @Override
        protected NetskopeThreatPlugin createPlugin() {
            return new NetskopeThreatPlugin();
        }

        @Override
        protected Map<String, Object> validConfiguration() {
            return configuration();
        }

        @Override
        protected TestPluginContext context(Map<String, Object> configuration) {
            return super.context(configuration).toBuilder().clock(Clock.systemUTC()).build();
        }
    }
}
