package io.cloudexchange.core.cte;

import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Threat Exchange settings, one document.
 *
 * @param reconciliationPolicy how the merged values of an indicator are chosen
 * @param defaultAgingDays days an indicator stays active after a source last reported it
 * @param agingDaysByConfiguration per source configuration id, overrides {@code defaultAgingDays}
 * @param retractionEnabled whether sources are asked which indicators they no longer vouch for
 * @param retractionIntervalMinutes minutes between retraction checks
 *     (null or missing values in a request take the defaults)
 */
@Document("cte_settings")
public record CteSettings(@Id String id, ReconciliationPolicy reconciliationPolicy, Integer defaultAgingDays,
                          Map<String, Integer> agingDaysByConfiguration, Boolean retractionEnabled,
                          Integer retractionIntervalMinutes) {

    static final String ID = "cte";
    public static final int DEFAULT_AGING_DAYS = 90;
    static final int MAX_AGING_DAYS = 3650;

    public CteSettings {
        id = ID;
        reconciliationPolicy = reconciliationPolicy == null ? ReconciliationPolicy.HIGHEST_SEVERITY : reconciliationPolicy;
        defaultAgingDays = defaultAgingDays == null || defaultAgingDays <= 0 ? DEFAULT_AGING_DAYS : defaultAgingDays;
        retractionEnabled = retractionEnabled != null && retractionEnabled;
        agingDaysByConfiguration = agingDaysByConfiguration == null ? Map.of() : Map.copyOf(agingDaysByConfiguration);
        retractionIntervalMinutes = retractionIntervalMinutes == null || retractionIntervalMinutes <= 0 ? 60
                : retractionIntervalMinutes;
    }

    static CteSettings defaults() {
        return new CteSettings(ID, ReconciliationPolicy.HIGHEST_SEVERITY, DEFAULT_AGING_DAYS, Map.of(), false, 60);
    }

    int agingDays(String configurationId) {
        return agingDaysByConfiguration.getOrDefault(configurationId, defaultAgingDays);
    }
}
