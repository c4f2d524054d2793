package io.cloudexchange.core.cte;

import io.cloudexchange.core.api.InvalidRequestException;
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
        throw InvalidRequestException.field(field, "the query language is not available yet");
    }
}
