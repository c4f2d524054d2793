package io.cloudexchange.plugin.api.tenant;

import java.util.List;

/**
 * What to check on a tenant.
 *
 * @param url the normalised tenant URL ({@link TenantValidator#normaliseUrl})
 * @param v2Token the REST API v2 token (hidden from {@link #toString()})
 * @param alertTypes alert types to probe, e.g. {@code dlp}
 * @param eventTypes event types to probe, e.g. {@code application}
 */
public record TenantCheck(String url, String v2Token, List<String> alertTypes, List<String> eventTypes) {

    public TenantCheck {
        alertTypes = List.copyOf(alertTypes);
        eventTypes = List.copyOf(eventTypes);
    }

    @Override
    public String toString() {
        return "TenantCheck[url=" + url + ", alertTypes=" + alertTypes + ", eventTypes=" + eventTypes + "]";
    }
}
