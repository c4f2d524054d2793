package io.cloudexchange.core.pull;

import java.time.Instant;

/**
 * Outcome of a configuration's most recent pull run.
 *
 * @param items valid items published during the run
 * @param rejected malformed source records reported and skipped
 * @param message summary or the error that stopped the run
 */
public record PullStatus(Instant startedAt, Instant finishedAt, State status, long items, long rejected,
                         String message) {

    public enum State { RUNNING, SUCCESS, FAILED }
}
