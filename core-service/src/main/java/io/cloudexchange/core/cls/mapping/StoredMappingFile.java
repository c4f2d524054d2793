package io.cloudexchange.core.cls.mapping;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An administrator's mapping file. The content is kept as the JSON text that was validated: CE files use
 * keys with spaces and dots, which MongoDB field names should not carry.
 */
@Document("cls_mapping_files")
record StoredMappingFile(@Id String id, String name, String content, Instant createdAt, Instant updatedAt,
                         @Version Long version) {
}
