package io.cloudexchange.plugin.api.cls;

import java.time.Instant;
import java.util.Objects;

/**
 * A past time range one historical pull job reads.
 *
 * @param jobId unique per job: a plugin keys its own state (iterators, storage) by it
 * @param from first second of the range, inclusive
 * @param to last second of the range, inclusive
 */
public record HistoricalRange(String jobId, Instant from, Instant to) {

    public HistoricalRange {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    /** Whether an instant is within the range, compared in whole seconds. */
    public boolean contains(Instant time) {
        long second = time.getEpochSecond();
        return second >= from.getEpochSecond() && second <= to.getEpochSecond();
    }
}
