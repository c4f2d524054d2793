package io.cloudexchange.plugin.testkit;

import io.cloudexchange.plugin.api.Capability;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PluginDescriptor;
import io.cloudexchange.plugin.api.cls.DeliveryResult;
import io.cloudexchange.plugin.api.cls.LogDestinationPlugin;
import io.cloudexchange.plugin.api.cls.LogFormat;
import io.cloudexchange.plugin.api.cls.MappedLog;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import java.util.List;
import java.util.Set;

class FakeLogDestinationTest extends LogDestinationContractTest<FakeLogDestinationTest.FakeSyslogDestination> {

    @Override
    protected FakeSyslogDestination createPlugin() {
        return new FakeSyslogDestination();
    }

    public static final class FakeSyslogDestination implements LogDestinationPlugin {

        @Override
        public PluginDescriptor descriptor() {
            return Fakes.descriptor("fake-syslog", PlatformModule.CLS, Capability.PUSH);
        }

        @Override
        public ConfigSchema configSchema() {
            return ConfigSchema.empty();
        }

        @Override
        public Set<LogFormat> supportedFormats() {
            return Set.of(LogFormat.CEF, LogFormat.JSON);
        }

        @Override
        public DeliveryResult deliver(PluginContext context, List<MappedLog> logs) {
            return DeliveryResult.delivered("sent " + logs.size());
        }
    }
}
