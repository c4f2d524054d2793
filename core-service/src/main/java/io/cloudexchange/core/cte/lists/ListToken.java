package io.cloudexchange.core.cte.lists;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A token that lets a firewall, proxy or TAXII client read the served lists. Only the SHA-256 of the
 * token is stored: the token itself is shown once, when created.
 */
@Document(ListToken.COLLECTION)
record ListToken(@Id String id, String name, String tokenHash, Instant createdAt, Instant lastUsedAt) {

    static final String COLLECTION = "list_tokens";
}
