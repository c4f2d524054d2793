package io.cloudexchange.plugins.netskope.dataexport;

import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.cls.HistoricalPage;
import io.cloudexchange.plugin.api.cls.HistoricalRange;
import io.cloudexchange.plugin.api.log.LogRecord;
import java.time.Instant;
import java.util.List;

/**
 * A historical pull over the dataexport iterator, as CE's provider does it: operation = the start epoch,
 * then {@code next} until {@code timestamp_hwm} passes the end. It runs on its own iterator index, so the
 * live iterator never moves, and reuses {@link IteratorPuller} for the published-page bookkeeping,
 * {@code wait_time}, rate limits and retries. Records after the end (the last page overshoots) are dropped.
 */
public final class HistoricalPuller {

    private final IteratorPuller puller;

    public HistoricalPuller(IteratorPuller puller) {
        this.puller = puller;
    }

    public HistoricalPage pull(String index, DataExportType type, HistoricalRange range, Checkpoint checkpoint)
            throws InterruptedException {
        PullPage<LogRecord> page = puller.pullFrom(index, type, checkpoint, range.from());
        long hwm = page.next().get(IteratorPuller.HWM).filter(v -> v.matches("\\d{1,18}")).map(Long::parseLong)
                .orElse(0L);
        long from = range.from().getEpochSecond();
        long to = range.to().getEpochSecond();
        boolean done = hwm > to;
        List<LogRecord> inRange = page.items().stream().filter(record -> range.contains(record.timestamp())).toList();
        Instant position = Instant.ofEpochSecond(Math.max(from, Math.min(hwm, to)));
        return new HistoricalPage(new PullPage<>(inRange, page.rejected(), page.next(), !done && page.hasMore()),
                position, done);
    }
}
