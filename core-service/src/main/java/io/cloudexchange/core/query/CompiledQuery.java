package io.cloudexchange.core.query;

import org.bson.Document;

/**
 * A query parsed and checked against its fields, ready to run: as a MongoDB filter, or in memory
 * against record maps. Build once, use many times (the matcher is thread-safe).
 */
public record CompiledQuery(String text, QueryNode syntax, BoundQuery bound) {

    public Document toMongoFilter() {
        return MongoFilters.toFilter(bound);
    }

    public RecordMatcher toMatcher() {
        return RecordMatcher.compile(bound);
    }
}
