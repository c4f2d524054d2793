package io.cloudexchange.plugin.api;

/** The platform modules a plugin can serve. */
public enum PlatformModule {
    /** Threat Exchange: indicators of compromise. */
    CTE,
    /** Ticket Orchestrator: alerts to tickets and notifications. */
    CTO,
    /** Risk Exchange: user and device risk scores. */
    CRE,
    /** Application Risk Exchange. */
    ARE,
    /** Log Shipper: alerts and events to SIEMs. */
    CLS
}
