package io.cloudexchange.plugin.api.cto;

public enum TicketStatus {
    NEW, IN_PROGRESS, ON_HOLD, CLOSED, OTHER, DELETED, NOTIFICATION, FAILED
}
