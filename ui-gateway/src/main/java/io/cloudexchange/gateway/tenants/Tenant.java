package io.cloudexchange.gateway.tenants;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A Netskope tenant as core-service answers it: tokens are only reported as set or not. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Tenant(String id, String name, String url, List<String> alertTypes, List<String> eventTypes,
        Object alertsInitialRangeDays, Object eventsInitialRangeHours, boolean useSystemProxy, boolean v2TokenSet,
        boolean v1TokenSet) {

    public Tenant {
        alertTypes = alertTypes == null ? List.of() : List.copyOf(alertTypes);
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
    }

    static Tenant blank() {
        return new Tenant(null, "", "", DataExportType.DEFAULT_ALERTS, DataExportType.DEFAULT_EVENTS, 7, 24, false,
                false, false);
    }
}
