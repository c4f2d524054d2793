package io.cloudexchange.core.cte;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Which indicators to share: those a query matches, minus exceptions (a query, e.g. an allow-list of internal
 * domains, and tags). A muted rule shares nothing.
 *
 * @param folder where the rule is filed, up to three levels ({@code "Team/Phishing/URLs"}); blank for the top
 * @param filter query-language text over indicator fields; blank matches every indicator
 * @param exceptionQuery indicators this query matches are left out; blank for none
 * @param exceptionTags indicators carrying any of these tags are left out
 */
@Document(BusinessRule.COLLECTION)
record BusinessRule(@Id String id, String name, String folder, String filter, String exceptionQuery,
                    List<String> exceptionTags, boolean muted, Instant createdAt, Instant updatedAt,
                    @Version Long version) {

    static final String COLLECTION = "cte_business_rules";

    BusinessRule {
        folder = folder == null ? "" : folder;
        filter = filter == null ? "" : filter;
        exceptionQuery = exceptionQuery == null ? "" : exceptionQuery;
        exceptionTags = exceptionTags == null ? List.of() : List.copyOf(exceptionTags);
    }
}
