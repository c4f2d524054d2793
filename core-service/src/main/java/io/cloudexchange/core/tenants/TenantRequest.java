package io.cloudexchange.core.tenants;

/**
 * Body of {@code POST} and {@code PUT /api/tenants}. On update an empty or missing token keeps the
 * stored one.
 */
public record TenantRequest(String name, String url, String v2Token, String v1Token, Integer alertsInitialRangeDays,
                            Integer eventsInitialRangeHours, Boolean useSystemProxy) {

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_TOKEN_LENGTH = 2000;
    static final int DEFAULT_ALERTS_DAYS = 7;
    static final int MAX_ALERTS_DAYS = 90;
    static final int DEFAULT_EVENTS_HOURS = 24;
    static final int MAX_EVENTS_HOURS = 720;

    public TenantRequest {
        name = name == null ? "" : name.strip();
    }

    int alertsDays() {
        return alertsInitialRangeDays == null ? DEFAULT_ALERTS_DAYS : alertsInitialRangeDays;
    }

    int eventsHours() {
        return eventsInitialRangeHours == null ? DEFAULT_EVENTS_HOURS : eventsInitialRangeHours;
    }

    static boolean isEmpty(String token) {
        return token == null || token.isEmpty();
    }
}
