package io.cloudexchange.core.cls.rules;

import io.cloudexchange.core.query.QueryException;
import io.cloudexchange.core.query.QueryFields;
import io.cloudexchange.core.query.RecordMatcher;
import java.time.Clock;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Compiles a business rule's query (the platform's query language, docs/query-language.md) into an
 * in-memory test over one record's fields as the source sent them. Any field name is allowed, since log
 * records carry whatever fields their type has. An empty query matches everything.
 */
@Component
public class RecordFilters {

    private static final QueryFields ANY_FIELD = QueryFields.of().orAnyField();

    private final Clock clock;

    RecordFilters(Clock clock) {
        this.clock = clock;
    }

    /** @throws IllegalArgumentException with the query's problem and its position when the query is not valid */
    public Predicate<Map<String, Object>> compile(String query) {
        if (query == null || query.isBlank()) {
            return fields -> true;
        }
        RecordMatcher matcher;
        try {
            matcher = ANY_FIELD.compile(query, clock).toMatcher();
        } catch (QueryException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return matcher::matches;
    }
}
