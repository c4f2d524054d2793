package io.cloudexchange.netskope.simulator.dataexport;

import java.util.Arrays;
import java.util.Optional;

/** The alert and event types a tenant exports through {@code /api/v2/events/dataexport/{family}/{name}}. */
public enum DataType {
    COMPROMISED_CREDENTIAL(Family.ALERTS, "compromisedcredential", "Compromised Credential"),
    POLICY(Family.ALERTS, "policy", "policy"),
    MALSITE(Family.ALERTS, "malsite", "malsite"),
    MALWARE(Family.ALERTS, "malware", "Malware"),
    DLP(Family.ALERTS, "dlp", "DLP"),
    SECURITY_ASSESSMENT(Family.ALERTS, "securityassessment", "Security Assessment"),
    WATCHLIST(Family.ALERTS, "watchlist", "watchlist"),
    QUARANTINE(Family.ALERTS, "quarantine", "quarantine"),
    REMEDIATION(Family.ALERTS, "remediation", "Remediation"),
    UBA(Family.ALERTS, "uba", "uba"),
    CTEP(Family.ALERTS, "ctep", "ctep"),
    DEVICE(Family.ALERTS, "device", "Device"),
    CONTENT(Family.ALERTS, "content", "Content"),
    ANOMALY(Family.ALERTS, "anomaly", "anomaly"),
    LEGAL_HOLD(Family.ALERTS, "legalhold", "Legal Hold"),
    IPS(Family.ALERTS, "ips", "ips"),
    C2(Family.ALERTS, "c2", "c2"),
    PAGE(Family.EVENTS, "page", "connection"),
    APPLICATION(Family.EVENTS, "application", "nspolicy"),
    AUDIT(Family.EVENTS, "audit", "admin_audit_logs"),
    INFRASTRUCTURE(Family.EVENTS, "infrastructure", "infrastructure"),
    NETWORK(Family.EVENTS, "network", "network"),
    INCIDENT(Family.EVENTS, "incident", "incident"),
    ENDPOINT(Family.EVENTS, "endpoint", "endpoint");

    /** The path segment before the type name. */
    public enum Family {
        ALERTS, EVENTS;

        public String segment() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Family family;
    private final String pathName;
    private final String label;

    DataType(Family family, String pathName, String label) {
        this.family = family;
        this.pathName = pathName;
        this.label = label;
    }

    public Family family() {
        return family;
    }

    /** The path segment, e.g. {@code dlp}. */
    public String pathName() {
        return pathName;
    }

    /** {@code alert_type} of an alert, {@code type} of an event. */
    public String label() {
        return label;
    }

    /** The endpoint path, which is also the scope a token needs to read it. */
    public String path() {
        return "/api/v2/events/dataexport/" + family.segment() + "/" + pathName;
    }

    public static Optional<DataType> find(String family, String name) {
        return Arrays.stream(values())
                .filter(t -> t.family.segment().equals(family) && t.pathName.equals(name))
                .findFirst();
    }
}
