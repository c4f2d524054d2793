package io.cloudexchange.core.cte;

import io.cloudexchange.core.api.InvalidRequestException;
import java.util.List;
import org.bson.Document;

/**
 * Which indicators a bulk action applies to: listed ids, or every indicator a query matches ({@code q}, blank
 * for all). Exactly one of the two.
 */
record Selection(List<String> ids, String q) {

    static final int MAX_IDS = 10_000;

    Document filter(IndicatorFilter filters) {
        if (ids != null && q != null) {
            throw InvalidRequestException.field("ids", "give either ids or q, not both");
        }
        if (ids != null) {
            if (ids.isEmpty() || ids.size() > MAX_IDS) {
                throw InvalidRequestException.field("ids", "must list 1 to " + MAX_IDS + " indicator ids");
            }
            return new Document("_id", new Document("$in", ids));
        }
        if (q == null) {
            throw InvalidRequestException.field("q", "give ids or q (a query; blank selects every indicator)");
        }
        return filters.of(q, "q");
    }
}
