package io.cloudexchange.core.migrations;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A migration that has been applied. */
@Document(AppliedMigration.COLLECTION)
public record AppliedMigration(@Id int version, String description, Instant appliedAt) {

    public static final String COLLECTION = "schema_migrations";
}
