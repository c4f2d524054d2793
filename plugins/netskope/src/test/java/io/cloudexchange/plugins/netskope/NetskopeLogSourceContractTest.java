package io.cloudexchange.plugins.netskope;

import io.cloudexchange.netskope.simulator.NetskopeSimulator;
import io.cloudexchange.netskope.simulator.SimulatorConfig;
import io.cloudexchange.plugin.testkit.LogSourceContractTest;
import io.cloudexchange.plugin.testkit.TestPluginContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

class NetskopeLogSourceContractTest extends LogSourceContractTest<NetskopeLogSourcePlugin> {

    private static final NetskopeSimulator TENANT = NetskopeSimulator.start(NetskopeTestTenant.smallTenant());

    @AfterAll
    static void stop() {
        TENANT.close();
    }

    @Override
    protected NetskopeLogSourcePlugin createPlugin() {
        return new NetskopeLogSourcePlugin();
    }

    @Override
    protected Map<String, Object> validConfiguration() {
        return Map.of(NetskopeSettings.TENANT_URL, TENANT.baseUrl().toString(),
                NetskopeSettings.V2_TOKEN, SimulatorConfig.DEFAULT_V2_TOKEN,
                NetskopeSettings.ALERT_TYPES, List.of("dlp", "malware"),
                NetskopeSettings.EVENT_TYPES, List.of("page"));
    }

    @Override
    protected TestPluginContext context(Map<String, Object> configuration) {
        return super.context(configuration).toBuilder().clock(Clock.systemUTC()).build();
    }
}
