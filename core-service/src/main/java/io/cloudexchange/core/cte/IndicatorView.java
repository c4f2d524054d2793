package io.cloudexchange.core.cte;

import io.cloudexchange.plugin.api.cte.IndicatorType;
import io.cloudexchange.plugin.api.cte.Severity;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** An indicator as {@code GET /api/cte/indicators} shows it: merged values and each source's record. */
record IndicatorView(String id, IndicatorType type, String value, Severity severity, int reputation,
                     List<StoredIndicator.Source> sources, Instant firstSeen, Instant lastSeen, List<String> tags,
                     boolean active, Instant expiresAt, String comments, boolean retracted, List<String> sharedWith,
                     Instant updatedAt) {

    static IndicatorView of(StoredIndicator stored) {
        List<StoredIndicator.Source> sources = stored.sources().values().stream()
                .sorted(Comparator.comparing(StoredIndicator.Source::configurationId))
                .toList();
        return new IndicatorView(stored.id(), stored.type(), stored.value(), stored.severity(), stored.reputation(),
                sources, stored.firstSeen(), stored.lastSeen(), stored.tags(), stored.active(), stored.expiresAt(),
                stored.comments(), stored.retracted(), stored.sharedWith(), stored.updatedAt());
    }
}
