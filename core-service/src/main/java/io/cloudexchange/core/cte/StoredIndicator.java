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
 * @param severityRank the highest {@link Severity#ordinal()} any source reported
 * @param reputation the lowest (most malicious) reputation any source reported
 * @param sources what each configuration reported, keyed by configuration id
 */
@Document(StoredIndicator.COLLECTION)
record StoredIndicator(@Id String id, IndicatorType type, String value, int severityRank, int reputation,
                       Instant firstSeen, Instant lastSeen, List<String> tags, boolean active, Instant expiresAt,
                       Map<String, Source> sources) {

    static final String COLLECTION = "indicators";

    StoredIndicator {
        tags = tags == null ? List.of() : tags;
        sources = sources == null ? Map.of() : sources;
    }

    Severity severity() {
        return Severity.values()[severityRank];
    }

    record Source(String configurationId, String pluginId, Severity severity, int reputation, Instant firstSeen,
                  Instant lastSeen, List<String> tags, String comments, Instant expiresAt) {
    }
}
