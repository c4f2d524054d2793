package io.cloudexchange.gateway.tenants;

import java.util.List;

/**
 * An alert or event type of Netskope's dataexport API that a tenant's token is probed for (docs/netskope.md). The
 * lists follow the bundled Netskope plugin's; core-service names the valid choices when one is unknown.
 */
record DataExportType(String name, String label) {

    static final List<DataExportType> ALERTS = List.of(
            new DataExportType("compromisedcredential", "Compromised Credential"),
            new DataExportType("policy", "Policy"), new DataExportType("malsite", "Malsite"),
            new DataExportType("malware", "Malware"), new DataExportType("dlp", "DLP"),
            new DataExportType("securityassessment", "Security Assessment"),
            new DataExportType("watchlist", "Watchlist"), new DataExportType("quarantine", "Quarantine"),
            new DataExportType("remediation", "Remediation"), new DataExportType("uba", "UBA"),
            new DataExportType("ctep", "CTEP"), new DataExportType("device", "Device"),
            new DataExportType("content", "Content"), new DataExportType("anomaly", "Anomaly"),
            new DataExportType("legalhold", "Legal Hold"), new DataExportType("ips", "IPS"),
            new DataExportType("c2", "C2"));

    static final List<DataExportType> EVENTS = List.of(
            new DataExportType("page", "Page"), new DataExportType("application", "Application"),
            new DataExportType("audit", "Audit"), new DataExportType("infrastructure", "Infrastructure"),
            new DataExportType("network", "Network"), new DataExportType("incident", "Incident"),
            new DataExportType("endpoint", "Endpoint"));

    /** What core-service probes when a new tenant does not say (docs/api.md). */
    static final List<String> DEFAULT_ALERTS = List.of("dlp", "malware", "malsite", "policy");

    static final List<String> DEFAULT_EVENTS = List.of("application", "audit");
}
