package io.cloudexchange.plugin.testkit;

import io.cloudexchange.plugin.api.Capability;
import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PluginDescriptor;
import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.cls.LogSourcePlugin;
import io.cloudexchange.plugin.api.cls.LogStream;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.log.Alert;
import io.cloudexchange.plugin.api.log.Event;
import io.cloudexchange.plugin.api.log.LogRecord;
import io.cloudexchange.plugin.api.log.LogType;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

class FakeLogSourceTest extends LogSourceContractTest<FakeLogSourceTest.FakeLogSource> {

    @Override
    protected FakeLogSource createPlugin() {
        return new FakeLogSource();
    }

    public static final class FakeLogSource implements LogSourcePlugin {

        @Override
        public PluginDescriptor descriptor() {
            return Fakes.descriptor("fake-log-source", PlatformModule.CLS, Capability.PULL);
        }

        @Override
        public ConfigSchema configSchema() {
            return ConfigSchema.empty();
        }

        @Override
        public List<LogStream> streams(PluginContext context) {
            return List.of(new LogStream(LogType.ALERT, "dlp"), new LogStream(LogType.EVENT, "page"));
        }

        @Override
        public PullPage<LogRecord> pullLogs(PluginContext context, LogStream stream, Checkpoint checkpoint) {
            int start = Fakes.position(checkpoint);
            List<LogRecord> records = IntStream.range(start, start + 3).mapToObj(i -> record(context, stream, stream.key() + "-" + i)).toList();
            return PullPage.last(records, Fakes.at(start + 3));
        }

        private static LogRecord record(PluginContext context, LogStream stream, String id) {
            return stream.type() == LogType.ALERT
                    ? new Alert(id, "policy", stream.subtype(), null, null, null, context.clock().instant(), Map.of())
                    : new Event(id, stream.subtype(), null, context.clock().instant(), Map.of());
        }
    }
}
