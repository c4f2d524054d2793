package io.cloudexchange.plugins.netskope;

import io.cloudexchange.plugins.netskope.dataexport.DataExportType;

/**
 * Iterator index names: one per (configuration, type), so no two consumers share an index.
 * Derived from the configuration id, which survives renames.
 */
final class IndexNames {

    private IndexNames() {
    }

    /** e.g. {@code ce_6650f1c2_alerts_dlp}. */
    static String of(String configurationId, DataExportType type) {
        return base(configurationId) + "_" + type.familySegment() + "_" + type.name();
    }

    /** A configuration not saved yet (null id) is only ever validated: its probes read nothing. */
    static String base(String configurationId) {
        return configurationId == null ? "ce_unsaved" : "ce_" + configurationId.replaceAll("[^A-Za-z0-9]", "");
    }
}
