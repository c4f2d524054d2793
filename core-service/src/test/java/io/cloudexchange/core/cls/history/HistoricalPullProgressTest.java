package io.cloudexchange.core.cls.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.core.cls.history.HistoricalPullJob.StreamProgress;
import io.cloudexchange.plugin.api.cls.LogStream;
import io.cloudexchange.plugin.api.log.LogType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The progress a job reports: the share of its range read, averaged over its streams. */
class HistoricalPullProgressTest {

    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-01T10:00:00Z");
    private static final LogStream DLP = new LogStream(LogType.ALERT, "dlp");
    private static final LogStream PAGE = new LogStream(LogType.EVENT, "page");
    private static final HistoricalPullJob JOB = new HistoricalPullJob("j", "m", "s", FROM, TO,
            HistoricalPullJob.Status.RUNNING, Map.of(), 0, 0, 0, FROM, 0, 0, null, null, null, FROM, FROM, null);

    @Test
    void aStreamNotStartedCountsAsNothingAndADoneStreamAsAll() {
        Map<String, StreamProgress> progress = Map.of("alert:dlp",
                new StreamProgress(Map.of(), Instant.parse("2026-11-01T05:00:00Z"), false));

        assertThat(HistoricalPullRunner.percent(JOB, List.of(DLP, PAGE), progress)).isEqualTo(25);
        assertThat(HistoricalPullRunner.percent(JOB, List.of(DLP, PAGE), Map.of(
                "alert:dlp", new StreamProgress(Map.of(), FROM, true),
                "event:page", new StreamProgress(Map.of(), Instant.parse("2026-11-01T01:00:00Z"), false))))
                .isEqualTo(55);
    }

    @Test
    void aPositionOutsideTheRangeIsClamped() {
        assertThat(HistoricalPullRunner.percent(JOB, List.of(DLP), Map.of("alert:dlp",
                new StreamProgress(Map.of(), TO.plusSeconds(3600), false)))).isEqualTo(100);
        assertThat(HistoricalPullRunner.percent(JOB, List.of(DLP), Map.of("alert:dlp",
                new StreamProgress(Map.of(), FROM.minusSeconds(3600), false)))).isZero();
    }

    @Test
    void streamKeysBecomeValidFieldNames() {
        assertThat(HistoricalPullRunner.slot(new LogStream(LogType.EVENT, "v1.audit"))).isEqualTo("event:v1_audit");
    }
}
