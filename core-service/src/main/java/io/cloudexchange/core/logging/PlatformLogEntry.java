package io.cloudexchange.core.logging;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One line of the platform log shown on the Logging page.
 *
 * @param source what wrote it: {@code platform}, or {@code configuration:<id>}
 * @param errorCode short stable code such as {@code CE-1001}, or null
 * @param details longer text (e.g. a stack trace summary), or null
 */
@Document("platform_logs")
@CompoundIndexes({
    @CompoundIndex(name = "level_createdAt", def = "{'level': 1, 'createdAt': -1}"),
    @CompoundIndex(name = "errorCode_createdAt", def = "{'errorCode': 1, 'createdAt': -1}"),
    @CompoundIndex(name = "source_createdAt", def = "{'source': 1, 'createdAt': -1}")
})
public record PlatformLogEntry(@Id String id, Instant createdAt, LogLevel level, String source, String errorCode,
                               String message, String details) {
}
