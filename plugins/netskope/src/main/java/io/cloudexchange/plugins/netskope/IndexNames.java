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

    /**
     * The iterator of one historical pull job, e.g. {@code ce_6650f1c2_h7c1e09ab12_alerts_dlp}: one per job and
     * type, so a job never moves the live iterator nor another job's.
     */
    static String historical(String configurationId, String jobId, DataExportType type) {
        String job = jobId.replaceAll("[^A-Za-z0-9]", "");
        return base(configurationId) + "_h" + job.substring(0, Math.min(job.length(), 24)) + "_"
                + type.familySegment() + "_" + type.name();
    }

    /** A configuration not saved yet (null id) is only ever validated: its probes read nothing. */
    static String base(String configurationId) {
        return configurationId == null ? "ce_unsaved" : "ce_" + configurationId.replaceAll("[^A-Za-z0-9]", "");
    }
}
