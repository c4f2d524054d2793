package io.cloudexchange.core.cls.mapping;

import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.core.api.NotFoundException;
import io.cloudexchange.plugin.api.cls.LogFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Compiles each (mapping file, format) once and keeps the mapper until the file changes. A file changed
 * through this node is recompiled at once; a change made on another core node is seen within
 * {@link #RECHECK_AFTER}, the longest a cached mapper is used without asking the store for the revision.
 */
@Service
class CompiledLogMappers implements LogMappers {

    static final Duration RECHECK_AFTER = Duration.ofSeconds(5);

    private final MappingFileLookup files;
    private final Clock clock;
    private final Map<Key, Compiled> cache = new ConcurrentHashMap<>();

    CompiledLogMappers(MappingFileLookup files, Clock clock) {
        this.files = files;
        this.clock = clock;
    }

    @Override
    public LogMapper mapper(String mappingFileId, LogFormat format) {
        Key key = new Key(mappingFileId, format);
        Instant now = clock.instant();
        Compiled cached = cache.get(key);
        if (cached != null && now.isBefore(cached.checkedAt.plus(RECHECK_AFTER))) {
            return cached.mapper;
        }
        MappingFile file = files.find(mappingFileId).orElseThrow(() -> {
            cache.remove(key);
            return new NotFoundException("Mapping file", mappingFileId);
        });
        if (cached != null && cached.revision.equals(file.revision())) {
            cache.put(key, new Compiled(file.revision(), cached.mapper, now));
            return cached.mapper;
        }
        LogMapper mapper = compile(file, format);
        cache.put(key, new Compiled(file.revision(), mapper, now));
        return mapper;
    }

    /** Forgets the compiled mappers of a file that changed or was deleted. */
    void evict(String mappingFileId) {
        cache.keySet().removeIf(key -> key.fileId.equals(mappingFileId));
    }

    static LogMapper compile(MappingFile file, LogFormat format) {
        MappingDefinition definition = file.definition();
        if (!definition.formats().contains(format)) {
            throw InvalidRequestException.field("format", "mapping file '" + file.name() + "' has no " + format
                    + " section (" + switch (format) {
                        case CEF -> "cef_version and taxonomy";
                        case LEEF -> "leef_version and taxonomy";
                        case JSON -> "json";
                    } + "); it maps to " + definition.formats());
        }
        return switch (format) {
            case CEF -> new CefLogMapper(file.name(), definition);
            case LEEF -> new LeefLogMapper(file.name(), definition);
            case JSON -> new JsonLogMapper(file.name(), definition);
        };
    }

    private record Key(String fileId, LogFormat format) {
    }

    private record Compiled(String revision, LogMapper mapper, Instant checkedAt) {
    }
}
