package io.cloudexchange.plugin.api.cls;

import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.Plugin;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.log.LogRecord;
import java.util.List;

/**
 * Log Shipper source contract: pulls pages of alerts and events, one checkpoint per stream. The platform pulls
 * several streams of one configuration at the same time (each strictly page after page), so
 * {@link #pullLogs} must accept calls for different streams at once. A record read from JSON may carry its
 * text as {@code raw} ({@link io.cloudexchange.plugin.api.json.JsonObjectText}), written on as it is.
 */
public interface LogSourcePlugin extends Plugin {

    /** The streams this configuration pulls (e.g. the alert and event types an admin selected). */
    List<LogStream> streams(PluginContext context);

    PullPage<LogRecord> pullLogs(PluginContext context, LogStream stream, Checkpoint checkpoint);
}
