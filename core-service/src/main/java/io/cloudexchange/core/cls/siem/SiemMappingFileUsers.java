package io.cloudexchange.core.cls.siem;

import io.cloudexchange.core.cls.mapping.MappingFileUsers;
import java.util.List;
import org.springframework.stereotype.Component;

/** The SIEM mappings that map with a given file. */
@Component
class SiemMappingFileUsers implements MappingFileUsers {

    private final SiemMappingRepository mappings;

    SiemMappingFileUsers(SiemMappingRepository mappings) {
        this.mappings = mappings;
    }

    @Override
    public List<String> namesUsing(String mappingFileId) {
        return mappings.findByMappingFileId(mappingFileId).stream().map(SiemMapping::name).sorted().toList();
    }
}
