package io.cloudexchange.plugins.netskope;

import static io.cloudexchange.plugins.netskope.NetskopeTestTenant.FAST_RETRIES;
import static io.cloudexchange.plugins.netskope.NetskopeTestTenant.SHORT_SLEEPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudexchange.netskope.simulator.NetskopeSimulator;
import io.cloudexchange.netskope.simulator.SimulatorConfig;
import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.cls.LogStream;
import io.cloudexchange.plugin.api.log.Alert;
import io.cloudexchange.plugin.api.log.LogRecord;
import io.cloudexchange.plugin.api.log.LogType;
import io.cloudexchange.plugin.testkit.InMemoryKeyValueStore;
import io.cloudexchange.plugins.netskope.http.NetskopeApiException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IteratorPullTest {

    private static final LogStream DLP = new LogStream(LogType.ALERT, "dlp");
    private static final List<Long> ALL_500 = LongStream.range(0, 500).boxed().toList();

    private final NetskopeSimulator tenant = NetskopeSimulator.start(NetskopeTestTenant.smallTenant());
    private final NetskopeLogSourcePlugin plugin = new NetskopeLogSourcePlugin(FAST_RETRIES, SHORT_SLEEPS);
    private final SimulatedCore core = new SimulatedCore(plugin, DLP,
            NetskopeTestTenant.context(tenant, new InMemoryKeyValueStore()));

    @AfterEach
    void stop() {
        tenant.close();
    }

    @Test
    void pullsEveryRecordOnceInOrderThenStops() {
        core.drain();

        assertThat(positions()).isEqualTo(ALL_500);
        assertThat(core.pulls).isEqualTo(11);
    }

    @Test
    void recordsKeepTheirFieldsAnd64BitIdsExactly() {
        PullPage<LogRecord> page = core.pullAndPublish();

        Alert first = (Alert) page.items().get(0);
        String expected = tenant.dataExport().recordJson(io.cloudexchange.netskope.simulator.dataexport.DataType.DLP, 0);
        String incidentId = expected.replaceAll(".*\"dlp_incident_id\":(\\d+).*", "$1");
        assertThat(first.alertType()).isEqualTo("dlp");
        assertThat(first.raw()).containsEntry("dlp_incident_id", incidentId).containsKeys("user", "app", "srcip",
                "dstip", "url", "severity", "policy", "action", "alert_name", "appcategory");
        assertThat(new java.math.BigInteger(incidentId)).isGreaterThan(java.math.BigInteger.TWO.pow(53));
        assertThat(first.raw().get("transaction_id")).isInstanceOf(String.class);
        assertThat(first.alertName()).isEqualTo(first.raw().get("alert_name"));
    }

    @Test
    void aPageLostBeforePublishingIsReadAgainAndNothingIsSkipped() {
        core.pullAndPublish();
        core.pullOnly();
        core.pullOnly();

        core.drain();

        assertThat(positions()).isEqualTo(ALL_500);
    }

    @Test
    void restartWithLostPluginStorageRepeatsNothingAndSkipsNothing() {
        core.pullAndPublish();
        core.pullAndPublish();
        core.restart(NetskopeTestTenant.context(tenant, new InMemoryKeyValueStore()));

        core.drain();

        assertThat(positions()).isEqualTo(ALL_500);
    }

    @Test
    void restartAfterACrashBetweenFetchAndPublishReplaysOnlyTheLostPage() {
        core.pullAndPublish();
        PullPage<LogRecord> lost = core.pullOnly();
        core.restart(NetskopeTestTenant.context(tenant, new InMemoryKeyValueStore()));

        PullPage<LogRecord> replayed = core.pullAndPublish();
        core.drain();

        assertThat(replayed.items()).extracting(LogRecord::id).isEqualTo(lost.items().stream().map(LogRecord::id).toList());
        assertThat(positions()).isEqualTo(ALL_500);
    }

    @Test
    void theCheckpointNamesOnlyPublishedPages() {
        PullPage<LogRecord> first = core.pullAndPublish();
        core.pullOnly();

        assertThat(core.checkpoint()).isEqualTo(first.next());
        assertThat(core.checkpoint().get("page")).contains("1");
        assertThat(tenant.dataExport().iterator("ce_6650f1c2aaaa_alerts_dlp",
                io.cloudexchange.netskope.simulator.dataexport.DataType.DLP)).hasValueSatisfying(iterator ->
                assertThat(iterator.pageFrom()).isEqualTo(50));
    }

    @Test
    void survivesServerErrorsTruncatedBodiesSlowResponsesAnd429Storms() {
        core.pullAndPublish();
        tenant.faults().serverErrors(3);
        core.pullAndPublish();
        tenant.faults().truncatedBodies(2);
        core.pullAndPublish();
        tenant.faults().slowResponses(1, Duration.ofSeconds(5));
        core.pullAndPublish();
        tenant.faults().tooManyRequests(4, 1);
        core.pullAndPublish();

        core.drain();

        assertThat(positions()).isEqualTo(ALL_500);
        assertThat(tenant.requests().count(500)).isEqualTo(3);
        assertThat(tenant.requests().count(429)).isEqualTo(4);
    }

    @Test
    void aPersistentFailureEndsThePullWithAClearErrorAndTheNextRunContinues() {
        core.pullAndPublish();
        tenant.faults().serverErrors(100);

        assertThatThrownBy(core::pullAndPublish).isInstanceOf(NetskopeApiException.class)
                .hasMessageContaining("failed after 8 attempts").hasMessageContaining("HTTP 500")
                .hasMessageContaining("retried later");
        tenant.faults().clear();
        core.drain();

        assertThat(positions()).isEqualTo(ALL_500);
    }

    @Test
    void anExpiredTokenStopsThePullUntilItIsReplacedThenResumesWithoutAGap() {
        core.pullAndPublish();
        tenant.tokens().expire(SimulatorConfig.DEFAULT_V2_TOKEN);

        assertThatThrownBy(core::pullAndPublish).isInstanceOf(NetskopeApiException.class)
                .hasMessageContaining("invalid or expired").hasMessageNotContaining(SimulatorConfig.DEFAULT_V2_TOKEN);
        assertThat(core.context().logLines()).anySatisfy(line ->
                assertThat(line.errorCode()).isEqualTo(NetskopeLogSourcePlugin.PULL_FAILED));
        tenant.tokens().add(SimulatorConfig.DEFAULT_V2_TOKEN, Set.of());
        core.drain();

        assertThat(positions()).isEqualTo(ALL_500);
    }

    @Test
    void eachConfigurationAndTypeHasItsOwnIterator() {
        SimulatedCore events = new SimulatedCore(plugin, new LogStream(LogType.EVENT, "page"), core.context());
        core.pullAndPublish();
        events.drain();
        core.drain();

        assertThat(positions()).isEqualTo(ALL_500);
        assertThat(events.published).hasSize(500);
        assertThat(tenant.requests().entries()).extracting(e -> e.index()).containsOnly(
                "ce_6650f1c2aaaa_alerts_dlp", "ce_6650f1c2aaaa_events_page");
    }

    private List<Long> positions() {
        return core.published.stream().map(SimulatedCore::position).toList();
    }
}
