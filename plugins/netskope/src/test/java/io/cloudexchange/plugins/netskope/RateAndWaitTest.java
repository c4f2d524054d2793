package io.cloudexchange.plugins.netskope;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.netskope.simulator.NetskopeSimulator;
import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.cls.LogStream;
import io.cloudexchange.plugin.api.log.LogRecord;
import io.cloudexchange.plugin.api.log.LogType;
import io.cloudexchange.plugin.testkit.InMemoryKeyValueStore;
import io.cloudexchange.plugins.netskope.http.RetryPolicy;
import io.cloudexchange.plugins.netskope.http.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RateAndWaitTest {

    private static final LogStream DLP = new LogStream(LogType.ALERT, "dlp");

    @Test
    void neverExceedsTheTenantsRequestRate() {
        try (NetskopeSimulator tenant = NetskopeSimulator.start(NetskopeTestTenant.smallTenant()
                .withPageSize(20).withVolume(300).withRequestsPerSecond(8))) {
            NetskopeLogSourcePlugin plugin = new NetskopeLogSourcePlugin(RetryPolicy.DEFAULT, Sleeper.REAL);
            SimulatedCore core = new SimulatedCore(plugin, DLP, NetskopeTestTenant.context(tenant, new InMemoryKeyValueStore()));

            core.drain();

            assertThat(core.published).hasSize(300);
            assertThat(tenant.requests().count(429)).as("requests refused for exceeding the rate").isZero();
            Map<Long, Long> perSecond = tenant.requests().entries().stream().collect(Collectors.groupingBy(
                    e -> e.at().getEpochSecond(), TreeMap::new, Collectors.counting()));
            assertThat(perSecond.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(8));
        }
    }

    @Test
    void streamsPulledAtTheSameTimeShareTheRate() throws Exception {
        try (NetskopeSimulator tenant = NetskopeSimulator.start(NetskopeTestTenant.smallTenant()
                .withPageSize(20).withVolume(200).withRequestsPerSecond(8))) {
            NetskopeLogSourcePlugin plugin = new NetskopeLogSourcePlugin(RetryPolicy.DEFAULT, Sleeper.REAL);
            var context = NetskopeTestTenant.context(tenant, new InMemoryKeyValueStore());
            List<SimulatedCore> streams = List.of(new SimulatedCore(plugin, DLP, context),
                    new SimulatedCore(plugin, new LogStream(LogType.ALERT, "malware"), context),
                    new SimulatedCore(plugin, new LogStream(LogType.EVENT, "page"), context));
            ExecutorService threads = Executors.newFixedThreadPool(streams.size());
            try {
                List<Future<?>> drained = streams.stream().<Future<?>>map(core -> threads.submit(core::drain)).toList();
                for (Future<?> done : drained) {
                    done.get(60, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
            }

            assertThat(streams).allSatisfy(core -> assertThat(core.published).hasSize(200));
            assertThat(tenant.requests().count(429)).as("requests refused for exceeding the rate").isZero();
            Map<Long, Long> perSecond = tenant.requests().entries().stream().collect(Collectors.groupingBy(
                    e -> e.at().getEpochSecond(), TreeMap::new, Collectors.counting()));
            assertThat(perSecond.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(8));
        }
    }

    @Test
    void usesTheWholeRateWithoutWaitingOutAFullResetAfterEachWindow() {
        try (NetskopeSimulator tenant = NetskopeSimulator.start(NetskopeTestTenant.smallTenant()
                .withPageSize(20).withVolume(600).withRequestsPerSecond(8))) {
            NetskopeLogSourcePlugin plugin = new NetskopeLogSourcePlugin(RetryPolicy.DEFAULT, Sleeper.REAL);
            SimulatedCore core = new SimulatedCore(plugin, DLP, NetskopeTestTenant.context(tenant, new InMemoryKeyValueStore()));

            core.drain();

            var requests = tenant.requests().entries();
            Duration span = Duration.between(requests.get(0).at(), requests.get(requests.size() - 1).at());
            assertThat(core.published).hasSize(600);
            assertThat(tenant.requests().count(429)).isZero();
            assertThat(span).as("%d requests at 8/s (waiting a full reset per window takes about 6.5 s)",
                    requests.size()).isLessThan(Duration.ofMillis(requests.size() * 1000L / 8 + 1000));
        }
    }

    @Test
    void aLongWaitTimeEndsThePullWithoutAskingTheTenant() {
        try (NetskopeSimulator tenant = NetskopeSimulator.start(NetskopeTestTenant.smallTenant().withIdleWaitSeconds(30))) {
            NetskopeLogSourcePlugin plugin = new NetskopeLogSourcePlugin(NetskopeTestTenant.FAST_RETRIES,
                    NetskopeTestTenant.SHORT_SLEEPS);
            SimulatedCore core = new SimulatedCore(plugin, DLP, NetskopeTestTenant.context(tenant, new InMemoryKeyValueStore()));
            core.drain();
            int requests = tenant.requests().entries().size();

            PullPage<LogRecord> page = core.pullAndPublish();

            assertThat(page.items()).isEmpty();
            assertThat(page.hasMore()).isFalse();
            assertThat(tenant.requests().entries()).hasSize(requests);
            assertThat(core.published).hasSize(500);
        }
    }
}
