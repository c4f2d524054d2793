package io.cloudexchange.core.cls.delivery;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A record a destination refused for good (or that could not be mapped), kept with the reason until an
 * admin replays or deletes it. {@code record} is the record as pulled (JSON), so a replay maps it again
 * with the mapping's current mapping file.
 */
@Document(DeadLetter.COLLECTION)
record DeadLetter(@Id String id, String mappingId, String sourceConfigurationId, String destinationConfigurationId,
                  String stream, String batchId, String recordId, String record, String reason, Instant failedAt) {

    static final String COLLECTION = "cls_dead_letters";
}
