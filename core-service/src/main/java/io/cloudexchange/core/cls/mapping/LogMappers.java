package io.cloudexchange.core.cls.mapping;

import io.cloudexchange.plugin.api.cls.LogFormat;

/** Finds the compiled mapper of a mapping file for a format; compiled mappers are cached until the file changes. */
public interface LogMappers {

    /**
     * @param mappingFileId id of a mapping file (a shipped default or an admin's copy)
     * @param format the destination's format
     * @throws io.cloudexchange.core.api.NotFoundException when no such mapping file exists
     * @throws io.cloudexchange.core.api.InvalidRequestException when the file has no section for {@code format}
     */
    LogMapper mapper(String mappingFileId, LogFormat format);
}
