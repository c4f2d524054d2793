package io.cloudexchange.core.cte;

import io.cloudexchange.plugin.api.Action;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Shares the indicators of some sources that a business rule selects with a destination, using one of the
 * destination plugin's actions. Progress is a high-water mark on ({@code updatedAt}, {@code _id}): each run pushes
 * what changed after it, in order, so nothing is skipped when many indicators share one {@code updatedAt}.
 */
@Document(SharingUsage.SHARING_COLLECTION)
record SharingConfiguration(@Id String id, String name, List<String> sourceConfigurationIds, String ruleId,
                            String destinationConfigurationId, Action action, boolean enabled, Instant createdAt,
                            Instant updatedAt, Status status) {

    SharingConfiguration {
        sourceConfigurationIds = sourceConfigurationIds == null ? List.of() : List.copyOf(sourceConfigurationIds);
        status = status == null ? Status.initial() : status;
    }

    SharingConfiguration withStatus(Status next) {
        return new SharingConfiguration(id, name, sourceConfigurationIds, ruleId, destinationConfigurationId, action,
                enabled, createdAt, updatedAt, next);
    }

    enum State { PENDING, OK, RETRYING, FAILED }

    /**
     * @param markUpdatedAt with {@code markId}: the last indicator pushed (null: start from the beginning)
     * @param shared indicators the destination accepted, in total
     * @param rejected indicators the destination refused for good (tagged "invalid", not retried)
     * @param retracted indicators removed from the destination (expired, retracted or no longer matching)
     * @param failures consecutive failed runs; the next attempt waits a capped exponential backoff
     */
    record Status(State state, Instant markUpdatedAt, String markId, long shared, long rejected, long retracted,
                  Instant lastRunAt, Instant lastSuccessAt, String lastError, int failures, Instant nextAttemptAt) {

        static Status initial() {
            return new Status(State.PENDING, null, null, 0, 0, 0, null, null, null, 0, null);
        }
    }
}
