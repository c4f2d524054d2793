package io.cloudexchange.plugin.api.cls;

import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.Plugin;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.log.LogRecord;
import java.util.List;

/** Log Shipper source contract: pulls pages of alerts and events, one checkpoint per stream. */
public interface LogSourcePlugin extends Plugin {

    /** The streams this configuration pulls (e.g. the alert and event types an admin selected). */
    List<LogStream> streams(PluginContext context);

    PullPage<LogRecord> pullLogs(PluginContext context, LogStream stream, Checkpoint checkpoint);
}
