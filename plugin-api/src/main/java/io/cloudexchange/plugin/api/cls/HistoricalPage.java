package io.cloudexchange.plugin.api.cls;

import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.log.LogRecord;
import java.time.Instant;
import java.util.Objects;

/**
 * One page of a historical pull.
 *
 * @param page the records (only those in the range), rejected records and the checkpoint after the page
 * @param position how far in time the pull has read, for progress; null when unknown
 * @param done true when the stream's range is exhausted: the core stops calling for this stream
 */
public record HistoricalPage(PullPage<LogRecord> page, Instant position, boolean done) {

    public HistoricalPage {
        Objects.requireNonNull(page, "page");
    }
}
