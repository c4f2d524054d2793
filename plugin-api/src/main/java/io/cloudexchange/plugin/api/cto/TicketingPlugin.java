package io.cloudexchange.plugin.api.cto;

import io.cloudexchange.plugin.api.Plugin;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.log.Alert;
import java.util.List;
import java.util.Map;

/** Ticket Orchestrator destination contract (Jira, ServiceNow, Slack, webhooks...). */
public interface TicketingPlugin extends Plugin {

    /**
     * Creates a ticket for an alert.
     *
     * @param fields target field to already-rendered value
     */
    Ticket createTicket(PluginContext context, Alert alert, Map<String, String> fields, Queue queue);

    /** Updates an existing ticket (de-duplication: the same alert again). */
    Ticket updateTicket(PluginContext context, Ticket ticket, Alert alert, Map<String, String> fields);

    /** Current state of the given tickets at the target. */
    List<Ticket> syncStates(PluginContext context, List<Ticket> tickets);

    List<Queue> queues(PluginContext context);

    List<MappingField> availableFields(PluginContext context);
}
