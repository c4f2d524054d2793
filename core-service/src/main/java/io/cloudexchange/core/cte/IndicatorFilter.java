package io.cloudexchange.core.cte;

import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.core.query.QueryException;
import java.time.Clock;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** Turns query-language text over indicator fields into a MongoDB filter; a bad query is a 400 on its field. */
@Component
public class IndicatorFilter {

    private final Clock clock;

    IndicatorFilter(Clock clock) {
        this.clock = clock;
    }

    /** The filter of {@code query}, or one matching every indicator when it is blank. */
    public Document of(String query, String field) {
        if (query == null || query.isBlank()) {
            return new Document();
        }
        try {
            return IndicatorQueryFields.FIELDS.compile(query, clock).toMongoFilter();
        } catch (QueryException e) {
            throw InvalidRequestException.field(field, e.getMessage());
        }
    }
}
