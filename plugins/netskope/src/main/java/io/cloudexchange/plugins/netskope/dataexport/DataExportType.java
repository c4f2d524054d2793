package io.cloudexchange.plugins.netskope.dataexport;

import io.cloudexchange.plugin.api.log.LogType;
import java.util.List;
import java.util.Optional;

/** An alert or event type of the dataexport API, e.g. alerts of type {@code dlp}. */
public record DataExportType(LogType family, String name, String label) {

    public static final List<DataExportType> ALERTS = List.of(
            alert("compromisedcredential", "Compromised Credential"), alert("policy", "Policy"),
            alert("malsite", "Malsite"), alert("malware", "Malware"), alert("dlp", "DLP"),
            alert("securityassessment", "Security Assessment"), alert("watchlist", "Watchlist"),
            alert("quarantine", "Quarantine"), alert("remediation", "Remediation"), alert("uba", "UBA"),
            alert("ctep", "CTEP"), alert("device", "Device"), alert("content", "Content"),
            alert("anomaly", "Anomaly"), alert("legalhold", "Legal Hold"), alert("ips", "IPS"),
            alert("c2", "C2"));

    public static final List<DataExportType> EVENTS = List.of(
            event("page", "Page"), event("application", "Application"), event("audit", "Audit"),
            event("infrastructure", "Infrastructure"), event("network", "Network"), event("incident", "Incident"),
            event("endpoint", "Endpoint"));

    private static DataExportType alert(String name, String label) {
        return new DataExportType(LogType.ALERT, name, label);
    }

    private static DataExportType event(String name, String label) {
        return new DataExportType(LogType.EVENT, name, label);
    }

    public static Optional<DataExportType> find(LogType family, String name) {
        return (family == LogType.ALERT ? ALERTS : EVENTS).stream().filter(t -> t.name.equals(name)).findFirst();
    }

    /** {@code alerts} or {@code events}, as in the path. */
    public String familySegment() {
        return family == LogType.ALERT ? "alerts" : "events";
    }

    /** The endpoint path, which is also the v2 scope needed to read this type. */
    public String path() {
        return "/api/v2/events/dataexport/" + familySegment() + "/" + name;
    }

    @Override
    public String toString() {
        return familySegment() + "/" + name;
    }
}
