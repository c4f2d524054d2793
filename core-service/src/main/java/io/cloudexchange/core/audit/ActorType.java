package io.cloudexchange.core.audit;

/** Whether an audited action came from a signed-in person or from an API client acting for one. */
public enum ActorType {
    USER, CLIENT
}
