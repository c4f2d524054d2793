package io.cloudexchange.core.tenants;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A Netskope tenant the platform talks to.
 *
 * @param url normalised, {@code https://<tenant>.goskope.com}
 * @param encryptedV2Token REST API v2 token, encrypted by {@code SecretCipher}
 * @param encryptedV1Token legacy v1 token (file-hash sharing), encrypted, or null
 * @param alertTypes alert types the v2 token was checked for (and that will be read), e.g. {@code dlp}
 * @param eventTypes event types the v2 token was checked for, e.g. {@code application}
 * @param alertsInitialRangeDays how far back the first alert pull reaches
 * @param eventsInitialRangeHours how far back the first event pull reaches
 */
@Document("tenants")
public record Tenant(@Id String id, @Indexed(unique = true) String name, String url, String encryptedV2Token,
                     String encryptedV1Token, List<String> alertTypes, List<String> eventTypes,
                     int alertsInitialRangeDays, int eventsInitialRangeHours, boolean useSystemProxy,
                     Instant createdAt, Instant updatedAt, @Version Long version) {

    public Tenant {
        alertTypes = alertTypes == null ? TenantRequest.DEFAULT_ALERT_TYPES : List.copyOf(alertTypes);
        eventTypes = eventTypes == null ? TenantRequest.DEFAULT_EVENT_TYPES : List.copyOf(eventTypes);
    }
}
