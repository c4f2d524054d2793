package io.cloudexchange.core.cls.mapping;

import java.util.List;

/** Names what uses a mapping file (e.g. SIEM mappings), so that a file in use is not deleted. */
public interface MappingFileUsers {

    List<String> namesUsing(String mappingFileId);
}
