package io.cloudexchange.core.cls.siem;

import io.cloudexchange.plugin.api.cls.LogFormat;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Ships what a log source pulls to a destination: the records its business rule lets through, mapped
 * with a mapping file to a format the destination takes. Sources and destinations pair many to many.
 *
 * @param sourceConfigurationId a CLS configuration of a log source plugin
 * @param businessRuleId the filter (default: the rule "All")
 * @param destinationConfigurationId a CLS configuration of a log destination plugin
 * @param mappingFileId the mapping file
 * @param format the format the records are mapped to, one the destination supports
 * @param onRepeatedFailure what to do with a batch the destination keeps refusing; null (older mappings)
 *     means keep retrying
 */
@Document(SiemMapping.COLLECTION)
public record SiemMapping(@Id String id, String name, String sourceConfigurationId, String businessRuleId,
                          String destinationConfigurationId, String mappingFileId, LogFormat format, boolean enabled,
                          RepeatedFailurePolicy onRepeatedFailure, Instant createdAt, Instant updatedAt, @Version Long version) {

    public static final String COLLECTION = "cls_siem_mappings";

    /** The policy, never null. */
    public RepeatedFailurePolicy repeatedFailurePolicy() {
        return onRepeatedFailure == null ? RepeatedFailurePolicy.KEEP_RETRYING : onRepeatedFailure;
    }
}
