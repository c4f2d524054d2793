package io.cloudexchange.core.cls.siem;

import io.cloudexchange.plugin.api.cls.LogFormat;

/**
 * {@code businessRuleId} defaults to the rule "All"; {@code format} to the first format both the destination and the mapping file have.
 * {@code onRepeatedFailure} defaults to keep retrying.
 */
public record SiemMappingRequest(String name, String sourceConfigurationId, String businessRuleId,
                                 String destinationConfigurationId, String mappingFileId, LogFormat format,
                                 Boolean enabled, RepeatedFailurePolicy onRepeatedFailure) {
}
