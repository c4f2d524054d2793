package io.cloudexchange.core.query;

import io.cloudexchange.core.api.InvalidRequestException;
import java.util.Map;

/** Turns a {@link QueryException} into the API's field-keyed 400. */
public final class QueryErrors {

    private QueryErrors() {
    }

    /** {@code errors.<field>}: the reason with its line and column, e.g. for a rule's {@code filter}. */
    public static InvalidRequestException invalidRequest(String field, QueryException e) {
        return new InvalidRequestException(Map.of(field, e.reason() + " (line " + e.line() + ", column " + e.column()
                + ")"), null);
    }
}
