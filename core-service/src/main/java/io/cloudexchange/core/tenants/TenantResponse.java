package io.cloudexchange.core.tenants;

import java.time.Instant;
import java.util.List;

/** A tenant as the API shows it: tokens only as set or not set. */
public record TenantResponse(String id, String name, String url, List<String> alertTypes, List<String> eventTypes,
                             int alertsInitialRangeDays, int eventsInitialRangeHours, boolean useSystemProxy,
                             boolean v2TokenSet, boolean v1TokenSet, Instant createdAt, Instant updatedAt) {

    static TenantResponse of(Tenant tenant) {
        return new TenantResponse(tenant.id(), tenant.name(), tenant.url(), tenant.alertTypes(), tenant.eventTypes(),
                tenant.alertsInitialRangeDays(), tenant.eventsInitialRangeHours(), tenant.useSystemProxy(),
                tenant.encryptedV2Token() != null, tenant.encryptedV1Token() != null, tenant.createdAt(),
                tenant.updatedAt());
    }
}
