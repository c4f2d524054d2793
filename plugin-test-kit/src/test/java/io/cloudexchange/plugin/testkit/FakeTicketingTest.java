package io.cloudexchange.plugin.testkit;

import io.cloudexchange.plugin.api.Capability;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PluginDescriptor;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.cto.MappingField;
import io.cloudexchange.plugin.api.cto.Queue;
import io.cloudexchange.plugin.api.cto.Ticket;
import io.cloudexchange.plugin.api.cto.TicketStatus;
import io.cloudexchange.plugin.api.cto.TicketingPlugin;
import io.cloudexchange.plugin.api.log.Alert;
import java.util.List;
import java.util.Map;

class FakeTicketingTest extends TicketingContractTest<FakeTicketingTest.FakeTicketing> {

    @Override
    protected FakeTicketing createPlugin() {
        return new FakeTicketing();
    }

    public static final class FakeTicketing implements TicketingPlugin {

        @Override
        public PluginDescriptor descriptor() {
            return Fakes.descriptor("fake-ticketing", PlatformModule.CTO, Capability.PUSH);
        }

        @Override
        public ConfigSchema configSchema() {
            return ConfigSchema.empty();
        }

        @Override
        public Ticket createTicket(PluginContext context, Alert alert, Map<String, String> fields, Queue queue) {
            return new Ticket(queue.value() + "-" + alert.id(), TicketStatus.NEW, null, null, Map.copyOf(fields), context.clock().instant());
        }

        @Override
        public Ticket updateTicket(PluginContext context, Ticket ticket, Alert alert, Map<String, String> fields) {
            return ticket;
        }

        @Override
        public List<Ticket> syncStates(PluginContext context, List<Ticket> tickets) {
            return tickets;
        }

        @Override
        public List<Queue> queues(PluginContext context) {
            return List.of(new Queue("Security", "SEC"), new Queue("IT", "IT"));
        }

        @Override
        public List<MappingField> availableFields(PluginContext context) {
            return List.of(new MappingField("Summary", "summary", true), new MappingField("Priority", "priority", true));
        }
    }
}
