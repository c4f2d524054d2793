package io.cloudexchange.gateway.tenants;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A Netskope tenant as core-service answers it: tokens are only reported as set or not. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Tenant(String id, String name, String url, Object alertsInitialRangeDays,
        Object eventsInitialRangeHours, boolean useSystemProxy, boolean v2TokenSet, boolean v1TokenSet) {

    static Tenant blank() {
        return new Tenant(null, "", "", 7, 24, false, false, false);
    }
}
