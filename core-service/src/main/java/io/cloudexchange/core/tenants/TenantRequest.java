package io.cloudexchange.core.tenants;

import java.util.List;
import java.util.Objects;

/**
 * Body of {@code POST} and {@code PUT /api/tenants}. On update an empty or missing token keeps the
 * stored one, and missing type lists keep the stored ones.
 */
public record TenantRequest(String name, String url, String v2Token, String v1Token, List<String> alertTypes,
                            List<String> eventTypes, Integer alertsInitialRangeDays, Integer eventsInitialRangeHours,
                            Boolean useSystemProxy) {

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_TOKEN_LENGTH = 2000;
    static final int DEFAULT_ALERTS_DAYS = 7;
    static final int MAX_ALERTS_DAYS = 90;
    static final int DEFAULT_EVENTS_HOURS = 24;
    static final int MAX_EVENTS_HOURS = 720;
    static final List<String> DEFAULT_ALERT_TYPES = List.of("dlp", "malware", "malsite", "policy");
    static final List<String> DEFAULT_EVENT_TYPES = List.of("application", "audit");

    public TenantRequest {
        name = name == null ? "" : name.strip();
        alertTypes = cleaned(alertTypes);
        eventTypes = cleaned(eventTypes);
    }

    int alertsDays() {
        return alertsInitialRangeDays == null ? DEFAULT_ALERTS_DAYS : alertsInitialRangeDays;
    }

    int eventsHours() {
        return eventsInitialRangeHours == null ? DEFAULT_EVENTS_HOURS : eventsInitialRangeHours;
    }

    /** The alert types asked for, else those stored, else the defaults. */
    List<String> alertTypesOr(Tenant stored) {
        return alertTypes != null ? alertTypes : stored != null ? stored.alertTypes() : DEFAULT_ALERT_TYPES;
    }

    List<String> eventTypesOr(Tenant stored) {
        return eventTypes != null ? eventTypes : stored != null ? stored.eventTypes() : DEFAULT_EVENT_TYPES;
    }

    static boolean isEmpty(String token) {
        return token == null || token.isEmpty();
    }

    private static List<String> cleaned(List<String> types) {
        return types == null ? null : types.stream().filter(Objects::nonNull).map(String::strip).distinct().toList();
    }
}
