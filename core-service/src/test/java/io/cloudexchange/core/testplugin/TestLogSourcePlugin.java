package io.cloudexchange.core.testplugin;

import io.cloudexchange.plugin.api.Capability;
import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PluginDescriptor;
import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.cls.LogSourcePlugin;
import io.cloudexchange.plugin.api.cls.LogStream;
import io.cloudexchange.plugin.api.config.ConfigField;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.config.ValidationResult;
import io.cloudexchange.plugin.api.log.Alert;
import io.cloudexchange.plugin.api.log.LogRecord;
import io.cloudexchange.plugin.api.log.LogType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Log Shipper source for tests: {@code pages} pages of {@code page_size} DLP alerts with ids
 * {@code a-<n>}, resumable from its checkpoint; counts the pages it served.
 */
public class TestLogSourcePlugin implements LogSourcePlugin {

    public static final String ID = "test-log-source";
    public static final AtomicInteger PAGES_SERVED = new AtomicInteger();

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(ID, "Test log source", "1.0.0", "Generates DLP alerts", Set.of(PlatformModule.CLS),
                "0.1.0", Set.of(Capability.PULL));
    }

    @Override
    public ConfigSchema configSchema() {
        return ConfigSchema.of(ConfigField.number("pages", "Pages").withDefault(10),
                ConfigField.number("page_size", "Page size").withDefault(10));
    }

    @Override
    public ValidationResult validate(PluginContext context) {
        return ValidationResult.ok();
    }

    @Override
    public List<LogStream> streams(PluginContext context) {
        return List.of(new LogStream(LogType.ALERT, "dlp"));
    }

    @Override
    public PullPage<LogRecord> pullLogs(PluginContext context, LogStream stream, Checkpoint checkpoint) {
        int pages = (int) context.config().number("pages", 10);
        int size = (int) context.config().number("page_size", 10);
        int page = Integer.parseInt(checkpoint.get("page").orElse("0"));
        if (page >= pages) {
            return PullPage.last(List.of(), checkpoint);
        }
        PAGES_SERVED.incrementAndGet();
        List<LogRecord> alerts = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = "a-" + (page * size + i);
            alerts.add(new Alert(id, "policy", "dlp", "app", "cat", "user@example.com", Instant.now(),
                    Map.of("_id", id, "alert_type", "dlp", "user", "user@example.com")));
        }
        Checkpoint next = Checkpoint.of("page", String.valueOf(page + 1));
        return page + 1 < pages ? PullPage.more(alerts, next) : PullPage.last(alerts, next);
    }
}
