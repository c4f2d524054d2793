package io.cloudexchange.core.cte;

import io.cloudexchange.plugin.api.cte.IndicatorType;
import io.cloudexchange.plugin.api.cte.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An indicator as stored: what every source reported, plus the merged view. Severity is stored by
 * rank so the merge ({@code $max}) and sorting follow the severity order.
 *
 * @param severityRank the merged {@link Severity#ordinal()}, chosen by the {@link ReconciliationPolicy}
 * @param reputation the merged reputation (1 malicious .. 10 good), chosen by the policy
 * @param active false once every source's report expired (aging) or it was retracted; never deleted for that
 * @param expiresAt the latest expiry of any source's report
 * @param sources what each configuration reported, keyed by (escaped) configuration id
 * @param comments the merged comments, chosen by the policy
 * @param retracted true when a source reported that it no longer vouches for it
 * @param sharedWith ids of the sharing configurations that pushed it
 * @param updatedAt when a source, an admin or aging last changed it (sharing picks up changes by it)
 * @param sourceIds the configuration ids in {@code sources}, as an indexable array
 * @param invalidFor ids of the sharing configurations whose destination refused it (it also carries the tag
 *     {@code invalid}); they never push it again
 */
@Document(StoredIndicator.COLLECTION)
public record StoredIndicator(@Id String id, IndicatorType type, String value, int severityRank, int reputation,
                              Instant firstSeen, Instant lastSeen, List<String> tags, boolean active, Instant expiresAt,
                              Map<String, Source> sources, String comments, boolean retracted, List<String> sharedWith,
                              Instant updatedAt, List<String> sourceIds,
                              List<String> invalidFor) {

    public static final String COLLECTION = "indicators";

    public StoredIndicator {
        tags = tags == null ? List.of() : tags;
        sources = sources == null ? Map.of() : sources;
        sharedWith = sharedWith == null ? List.of() : sharedWith;
        comments = comments == null ? "" : comments;
        sourceIds = sourceIds == null ? List.of() : sourceIds;
        invalidFor = invalidFor == null ? List.of() : invalidFor;
    }

    public Severity severity() {
        return Severity.values()[severityRank];
    }

    /**
     * @param hits how many distinct pulls of this configuration reported it
     * @param lastBatchId the last batch that counted as a hit (a redelivered batch does not count twice)
     */
    public record Source(String configurationId, String pluginId, Severity severity, int reputation, Instant firstSeen,
                         Instant lastSeen, List<String> tags, String comments, Instant expiresAt, long hits,
                         String lastBatchId, boolean retracted) {
    }
}
