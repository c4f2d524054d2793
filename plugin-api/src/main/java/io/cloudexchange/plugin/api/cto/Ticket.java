package io.cloudexchange.plugin.api.cto;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A ticket or notification at the target system.
 *
 * @param id the target's id
 * @param status normalised status
 * @param severity the target's severity label, or null
 * @param link URL of the ticket, or null
 * @param fields field values as the target reports them
 * @param updatedAt when the target last changed it, or null
 */
public record Ticket(String id, TicketStatus status, String severity, String link, Map<String, Object> fields,
                     Instant updatedAt) {

    public Ticket {
        Objects.requireNonNull(id, "id");
        status = status == null ? TicketStatus.OTHER : status;
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
