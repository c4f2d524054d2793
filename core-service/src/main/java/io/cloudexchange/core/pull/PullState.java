package io.cloudexchange.core.pull;

import io.cloudexchange.core.runtime.MongoKeys;
import io.cloudexchange.plugin.api.Checkpoint;
import java.time.Instant;
import java.util.Map;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.mapping.MongoId;

/**
 * Pull progress of one configuration.
 *
 * @param checkpoints confirmed checkpoint per stream key (keys escaped with {@link MongoKeys} at both levels)
 * @param nextRunAt when the next scheduled run is due; null means at once
 * @param runRequestedAt when an admin last asked for an immediate run
 * @param consecutiveFailures failed runs since the last successful one
 * @param lastRun the most recent run, possibly still running
 */
@Document(PullState.COLLECTION)
record PullState(@MongoId(FieldType.STRING) String configurationId, Map<String, Map<String, String>> checkpoints, Instant nextRunAt,
                 Instant runRequestedAt, int consecutiveFailures, PullStatus lastRun) {

    static final String COLLECTION = "pull_state";

    PullState {
        checkpoints = checkpoints == null ? Map.of() : checkpoints;
    }

    static PullState initial(String configurationId) {
        return new PullState(configurationId, Map.of(), null, null, 0, null);
    }

    Checkpoint checkpoint(String stream) {
        Map<String, String> values = checkpoints.get(MongoKeys.escape(stream));
        return values == null ? Checkpoint.initial() : new Checkpoint(MongoKeys.unescapeKeys(values));
    }

    boolean isDue(Instant now) {
        return nextRunAt == null || !nextRunAt.isAfter(now) || isRunRequested();
    }

    private boolean isRunRequested() {
        return runRequestedAt != null && (lastRun == null || runRequestedAt.isAfter(lastRun.startedAt()));
    }
}
