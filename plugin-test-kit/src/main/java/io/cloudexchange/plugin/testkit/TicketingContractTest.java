package io.cloudexchange.plugin.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.cto.MappingField;
import io.cloudexchange.plugin.api.cto.Queue;
import io.cloudexchange.plugin.api.cto.Ticket;
import io.cloudexchange.plugin.api.cto.TicketingPlugin;
import io.cloudexchange.plugin.api.log.Alert;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Contract of a Ticket Orchestrator destination: queues and fields to map, a created ticket has an
 * id, and syncing it reports the same ticket. Point {@link #context} at a mock of the target.
 */
public abstract class TicketingContractTest<P extends TicketingPlugin> extends PluginContractTest<P> {

    /** The alert tickets are created for; override to match what the target needs. */
    protected Alert sampleAlert() {
        return new Alert("contract-alert-1", "Contract test policy", "dlp", "Dropbox", "Cloud Storage",
                "user@example.com", Instant.parse("2026-01-01T00:00:00Z"), Map.of("severity", "high"));
    }

    /** Rendered field values for {@link #sampleAlert()}; override to match {@code availableFields}. */
    protected Map<String, String> sampleFields() {
        return Map.of();
    }

    @Test
    void servesTicketOrchestrator() {
        assertThat(createPlugin().descriptor().serves(PlatformModule.CTO)).isTrue();
    }

    @Test
    void queuesAndFieldsHaveUniqueValues() {
        P plugin = createPlugin();

        assertThat(plugin.queues(validContext())).as("queues()").isNotEmpty()
                .extracting(Queue::value).doesNotHaveDuplicates();
        assertThat(plugin.availableFields(validContext())).as("availableFields()")
                .extracting(MappingField::value).doesNotHaveDuplicates();
    }

    @Test
    void createdTicketCanBeSynced() {
        P plugin = createPlugin();
        Queue queue = plugin.queues(validContext()).get(0);

        Ticket created = plugin.createTicket(validContext(), sampleAlert(), sampleFields(), queue);
        List<Ticket> synced = plugin.syncStates(validContext(), List.of(created));

        assertThat(created.id()).isNotBlank();
        assertThat(synced).extracting(Ticket::id).containsExactly(created.id());
    }
}
