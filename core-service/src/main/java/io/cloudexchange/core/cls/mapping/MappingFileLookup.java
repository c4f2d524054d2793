package io.cloudexchange.core.cls.mapping;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** Finds a mapping file by id among the shipped defaults and the stored files. */
@Component
class MappingFileLookup {

    private final DefaultMappingFiles defaults;
    private final MappingFileRepository repository;

    MappingFileLookup(DefaultMappingFiles defaults, MappingFileRepository repository) {
        this.defaults = defaults;
        this.repository = repository;
    }

    Optional<MappingFile> find(String id) {
        Optional<MappingFile> shipped = defaults.find(id);
        if (shipped.isPresent()) {
            return shipped;
        }
        return repository.findById(id).map(MappingFileLookup::toFile);
    }

    static MappingFile toFile(StoredMappingFile stored) {
        return new MappingFile(stored.id(), stored.name(), false, stored.content(), MappingFileParser.parse(stored.content()),
                stored.createdAt(), stored.updatedAt(), String.valueOf(stored.version()));
    }
}
