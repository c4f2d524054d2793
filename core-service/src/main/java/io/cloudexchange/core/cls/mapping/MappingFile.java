package io.cloudexchange.core.cls.mapping;

import java.time.Instant;

/**
 * A mapping file as the platform uses it: a shipped default (read-only) or an administrator's file.
 *
 * @param revision changes whenever the content changes; compiled mappers are cached per revision
 */
public record MappingFile(String id, String name, boolean readOnly, String content, MappingDefinition definition,
                          Instant createdAt, Instant updatedAt, String revision) {
}
