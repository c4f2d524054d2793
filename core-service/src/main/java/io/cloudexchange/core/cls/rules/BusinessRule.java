package io.cloudexchange.core.cls.rules;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A Log Shipper filter: records whose fields match {@code query} are shipped, the others are counted as
 * filtered out. An empty query matches every record (the built-in rule {@value #ALL}).
 */
@Document(BusinessRule.COLLECTION)
public record BusinessRule(@Id String id, String name, String query, boolean builtIn, Instant createdAt,
                           Instant updatedAt, @Version Long version) {

    public static final String COLLECTION = "cls_business_rules";
    public static final String ALL = "All";
    public static final String ALL_ID = "all";

    public BusinessRule {
        query = query == null ? "" : query.strip();
    }
}
