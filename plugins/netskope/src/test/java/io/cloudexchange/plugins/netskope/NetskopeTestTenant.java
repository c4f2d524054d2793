package io.cloudexchange.plugins.netskope;

import io.cloudexchange.netskope.simulator.NetskopeSimulator;
import io.cloudexchange.netskope.simulator.SimulatorConfig;
import io.cloudexchange.plugin.testkit.InMemoryKeyValueStore;
import io.cloudexchange.plugin.testkit.TestPluginContext;
import io.cloudexchange.plugins.netskope.http.RetryPolicy;
import io.cloudexchange.plugins.netskope.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Settings shared by the tests that run the plugin against a simulator. */
final class NetskopeTestTenant {

    /** Short waits so that fault tests finish fast; a 3 s request timeout (a loaded CI machine answers within it) against 5 s slow responses. */
    static final RetryPolicy FAST_RETRIES = new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(50), 8,
            Duration.ofSeconds(10), Duration.ofSeconds(3));
    /** Waits at most 50 ms, whatever was asked (Retry-After is in whole seconds). */
    static final Sleeper SHORT_SLEEPS = duration -> Thread.sleep(Math.min(duration.toMillis(), 50));

    private NetskopeTestTenant() {
    }

    /** 500 records per type, 50 per page, no rate limit, no idle wait. */
    static SimulatorConfig smallTenant() {
        return SimulatorConfig.defaults().withPageSize(50).withRecordsPerSecond(100)
                .withHistory(Duration.ofMinutes(10)).withVolume(500).withIdleWaitSeconds(0).withRequestsPerSecond(0);
    }

    static TestPluginContext context(NetskopeSimulator tenant, InMemoryKeyValueStore storage, String... types) {
        return TestPluginContext.builder()
                .defaultsFrom(NetskopeSettings.SCHEMA)
                .configurationId("6650f1c2-aaaa")
                .config(NetskopeSettings.TENANT_URL, tenant.baseUrl().toString())
                .config(NetskopeSettings.V2_TOKEN, SimulatorConfig.DEFAULT_V2_TOKEN)
                .config(NetskopeSettings.ALERT_TYPES, List.of(types.length == 0 ? "dlp" : types[0]))
                .config(NetskopeSettings.EVENT_TYPES, List.of("page"))
                .clock(Clock.systemUTC())
                .storage(storage)
                .build();
    }
}
