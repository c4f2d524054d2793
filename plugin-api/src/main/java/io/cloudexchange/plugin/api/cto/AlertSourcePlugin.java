package io.cloudexchange.plugin.api.cto;

import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.Plugin;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.log.Alert;

/** Ticket Orchestrator source contract: pulls alerts to turn into tickets. */
public interface AlertSourcePlugin extends Plugin {

    PullPage<Alert> pullAlerts(PluginContext context, Checkpoint checkpoint);
}
