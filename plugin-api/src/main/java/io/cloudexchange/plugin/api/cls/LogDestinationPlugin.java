package io.cloudexchange.plugin.api.cls;

import io.cloudexchange.plugin.api.Plugin;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PushResult;
import java.util.List;
import java.util.Set;

/**
 * Log Shipper destination contract. The platform filters and maps records; the destination adds its
 * transport framing ({@link #transform}) and delivers a whole batch ({@link #push}). A batch is
 * acknowledged to the broker only after {@code push} reported success.
 */
public interface LogDestinationPlugin extends Plugin {

    Set<LogFormat> supportedFormats();

    /** Destination-specific envelope per record (e.g. a syslog header); identity by default. */
    default List<String> transform(PluginContext context, List<MappedLog> logs) {
        return logs.stream().map(MappedLog::payload).toList();
    }

    PushResult push(PluginContext context, List<String> payloads);

    /** Largest number of records per push. */
    default int maxBatchSize() {
        return 10_000;
    }
}
