package io.cloudexchange.plugin.testkit;

import io.cloudexchange.plugin.api.Capability;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PluginDescriptor;
import io.cloudexchange.plugin.api.PushResult;
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
        public List<String> transform(PluginContext context, List<MappedLog> logs) {
            return logs.stream().map(log -> "<14>1 " + context.clock().instant() + " ce - - - " + log.payload()).toList();
        }

        @Override
        public PushResult push(PluginContext context, List<String> payloads) {
            return PushResult.ok("sent " + payloads.size());
        }
    }
}
