package io.cloudexchange.core.cls.siem;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface SiemMappingRepository extends MongoRepository<SiemMapping, String> {

    Optional<SiemMapping> findByName(String name);

    List<SiemMapping> findBySourceConfigurationIdAndEnabledTrue(String sourceConfigurationId);

    List<SiemMapping> findByEnabledTrue();

    List<SiemMapping> findByMappingFileId(String mappingFileId);
}
