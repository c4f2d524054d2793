package io.cloudexchange.core.tenants;

import java.time.Instant;
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
 * @param alertsInitialRangeDays how far back the first alert pull reaches
 * @param eventsInitialRangeHours how far back the first event pull reaches
 */
@Document("tenants")
public record Tenant(@Id String id, @Indexed(unique = true) String name, String url, String encryptedV2Token,
                     String encryptedV1Token, int alertsInitialRangeDays, int eventsInitialRangeHours,
                     boolean useSystemProxy, Instant createdAt, Instant updatedAt, @Version Long version) {
}
