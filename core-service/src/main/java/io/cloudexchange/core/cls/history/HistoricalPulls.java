package io.cloudexchange.core.cls.history;

import java.util.List;

/**
 * A SIEM mapping's historical pulls, newest first.
 *
 * @param supported whether the mapping's source can pull history at all
 * @param reason why not, when it cannot
 */
public record HistoricalPulls(String mappingId, boolean supported, String reason, List<HistoricalPullJob> jobs) {
}
