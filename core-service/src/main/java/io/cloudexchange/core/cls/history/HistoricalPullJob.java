package io.cloudexchange.core.cls.history;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One "Pull historical data" request: a past range of a SIEM mapping's source, pulled page by page and
 * shipped only to that mapping. Everything needed to resume after a restart is here.
 *
 * @param streams per stream key (e.g. {@code alert:dlp}), where the job stands
 * @param position how far in time the slowest unfinished stream has read
 * @param percent of the range read, averaged over the streams (100 when completed)
 * @param failures consecutive failed runs; the job fails after {@link HistoricalPullProperties#maxFailures()}
 * @param retryAt when a failed run is tried again
 * @param lastError the last failure, kept after a later success for the administrator to read
 */
@Document(HistoricalPullJob.COLLECTION)
public record HistoricalPullJob(@Id String id, String mappingId, String sourceConfigurationId, Instant from,
                                Instant to, Status status, Map<String, StreamProgress> streams, long pages,
                                long records, long rejected, Instant position, int percent, int failures,
                                Instant retryAt, String lastError, String requestedBy, Instant createdAt,
                                Instant updatedAt, Instant finishedAt) {

    public static final String COLLECTION = "cls_history_jobs";

    public enum Status { RUNNING, COMPLETED, FAILED, CANCELLED }

    public HistoricalPullJob {
        streams = streams == null ? Map.of() : streams;
    }

    /**
     * @param checkpoint the plugin's checkpoint after the last published page
     * @param position how far in time this stream has read
     * @param done true once the stream's range is exhausted
     */
    public record StreamProgress(Map<String, String> checkpoint, Instant position, boolean done) {
    }
}
