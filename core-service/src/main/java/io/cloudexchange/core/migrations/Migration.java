package io.cloudexchange.core.migrations;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One versioned, idempotent change to the MongoDB schema (indexes, document reshaping). Declare it as a
 * bean; the runner applies each version once, in ascending order, and records it in {@code schema_migrations}.
 */
public interface Migration {

    /** Unique, positive, never reused. */
    int version();

    String description();

    void apply(MongoTemplate mongo);
}
