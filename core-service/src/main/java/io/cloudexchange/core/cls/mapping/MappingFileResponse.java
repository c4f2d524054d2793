package io.cloudexchange.core.cls.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cloudexchange.plugin.api.cls.LogFormat;
import java.time.Instant;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A mapping file as the API shows it; {@code content} only when one file is asked for.
 *
 * @param readOnly true for the shipped defaults, which can be copied but not changed or deleted
 * @param formats the formats the file can map to
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MappingFileResponse(String id, String name, boolean readOnly, Set<LogFormat> formats, Instant createdAt,
                                  Instant updatedAt, JsonNode content) {
}
