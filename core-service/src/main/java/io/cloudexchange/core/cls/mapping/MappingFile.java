package io.cloudexchange.core.cls.mapping;

import io.cloudexchange.plugin.api.cls.LogFormat;
import java.time.Instant;

/**
 * A mapping file as the platform uses it: a shipped default (read-only) or an administrator's file.
 *
 * @param revision changes whenever the content changes; compiled mappers are cached per revision
 */
public record MappingFile(String id, String name, boolean readOnly, String content, MappingDefinition definition,
                          Instant createdAt, Instant updatedAt, String revision) {

    /**
     * A new mapper of this file for a format (callers normally go through {@link LogMappers}, which caches).
     *
     * @throws io.cloudexchange.core.api.InvalidRequestException when the file has no section for {@code format}
     */
    public LogMapper compile(LogFormat format) {
        return CompiledLogMappers.compile(this, format);
    }
}
