package io.cloudexchange.plugins.netskope;

import static io.cloudexchange.plugins.netskope.NetskopeTestTenant.FAST_RETRIES;
import static io.cloudexchange.plugins.netskope.NetskopeTestTenant.SHORT_SLEEPS;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.netskope.simulator.NetskopeSimulator;
import io.cloudexchange.netskope.simulator.SimulatorConfig;
import io.cloudexchange.netskope.simulator.dataexport.DataType;
import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.cls.HistoricalPage;
import io.cloudexchange.plugin.api.cls.HistoricalRange;
import io.cloudexchange.plugin.api.cls.LogStream;
import io.cloudexchange.plugin.api.log.LogRecord;
import io.cloudexchange.plugin.api.log.LogType;
import io.cloudexchange.plugin.testkit.InMemoryKeyValueStore;
import io.cloudexchange.plugin.testkit.TestPluginContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Historical pulls against the simulated tenant: a range read on its own iterator, exactly once. */
class HistoricalPullTest {

    private static final LogStream DLP = new LogStream(LogType.ALERT, "dlp");
    private static final int VOLUME = 600;

    /** 2 records a second over 5 minutes that ended before the test: every record exists already. */
    private final NetskopeSimulator tenant = NetskopeSimulator.start(SimulatorConfig.defaults().withPageSize(25)
            .withRecordsPerSecond(2).withHistory(Duration.ofMinutes(10)).withVolume(VOLUME).withIdleWaitSeconds(0)
            .withRequestsPerSecond(0));
    private final NetskopeLogSourcePlugin plugin = new NetskopeLogSourcePlugin(FAST_RETRIES, SHORT_SLEEPS);
    private final TestPluginContext context = NetskopeTestTenant.context(tenant, new InMemoryKeyValueStore());

    @AfterEach
    void stop() {
        tenant.close();
    }

    @Test
    void everyRecordOfTheRangeArrivesOnceAndNoneOutsideIt() {
        HistoricalRange range = range("job-1", 60, 120);

        List<Long> pulled = drain(range, context, Checkpoint.initial(), new ArrayList<>());

        assertThat(pulled).isEqualTo(expected(range)).hasSizeGreaterThan(100);
    }

    @Test
    void theLiveIteratorIsNeitherMovedNorUsedByAHistoricalPull() {
        SimulatedCore live = new SimulatedCore(plugin, DLP, context);
        live.pullAndPublish();
        live.pullAndPublish();
        var before = tenant.dataExport().iterator("ce_6650f1c2aaaa_alerts_dlp", DataType.DLP).orElseThrow();

        drain(range("job-2", 10, 200), context, Checkpoint.initial(), new ArrayList<>());

        assertThat(tenant.dataExport().iterator("ce_6650f1c2aaaa_alerts_dlp", DataType.DLP)).contains(before);
        live.drain();
        assertThat(live.published.stream().map(SimulatedCore::position).toList())
                .isEqualTo(LongStream.range(0, VOLUME).boxed().toList());
        assertThat(tenant.requests().entries()).extracting(e -> e.index())
                .contains("ce_6650f1c2aaaa_hjob2_alerts_dlp");
    }

    @Test
    void aJobResumedFromItsCheckpointWithLostPluginStorageSkipsAndRepeatsNothing() {
        HistoricalRange range = range("job-3", 30, 150);
        List<Long> pulled = new ArrayList<>();
        HistoricalPage first = plugin.pullHistorical(context, DLP, range, Checkpoint.initial());
        first.page().items().forEach(record -> pulled.add(position(record)));
        plugin.pullHistorical(context, DLP, range, first.page().next()); // pulled, never published: a crash

        TestPluginContext restarted = NetskopeTestTenant.context(tenant, new InMemoryKeyValueStore());
        drain(range, restarted, first.page().next(), pulled);

        assertThat(pulled).isEqualTo(expected(range));
    }

    @Test
    void positionReportsHowFarTheRangeIsRead() {
        HistoricalRange range = range("job-4", 0, 200);
        HistoricalPage page = plugin.pullHistorical(context, DLP, range, Checkpoint.initial());

        assertThat(page.done()).isFalse();
        assertThat(page.position()).isAfter(range.from()).isBefore(range.to());
    }

    private List<Long> drain(HistoricalRange range, TestPluginContext pluginContext, Checkpoint start,
                             List<Long> pulled) {
        Checkpoint checkpoint = start;
        for (int calls = 0; calls < 200; calls++) {
            HistoricalPage page = plugin.pullHistorical(pluginContext, DLP, range, checkpoint);
            page.page().items().forEach(record -> pulled.add(position(record)));
            checkpoint = page.page().next();
            if (page.done()) {
                return pulled;
            }
        }
        throw new AssertionError("the historical pull never finished");
    }

    private HistoricalRange range(String jobId, int fromSecond, int toSecond) {
        long origin = timestamp(0);
        return new HistoricalRange(jobId, Instant.ofEpochSecond(origin + fromSecond),
                Instant.ofEpochSecond(origin + toSecond));
    }

    private List<Long> expected(HistoricalRange range) {
        return LongStream.range(0, VOLUME).filter(n -> range.contains(Instant.ofEpochSecond(timestamp(n))))
                .boxed().toList();
    }

    private long timestamp(long n) {
        return Long.parseLong(tenant.dataExport().recordJson(DataType.DLP, n)
                .replaceAll(".*?\"timestamp\":(\\d+).*", "$1"));
    }

    private static long position(LogRecord record) {
        return SimulatedCore.position(record.id());
    }
}
