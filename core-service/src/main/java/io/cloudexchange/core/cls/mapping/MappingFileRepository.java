package io.cloudexchange.core.cls.mapping;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface MappingFileRepository extends MongoRepository<StoredMappingFile, String> {

    Optional<StoredMappingFile> findByName(String name);
}
