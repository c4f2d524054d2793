package io.cloudexchange.core.pull;

import io.cloudexchange.core.messaging.BatchMessage.Kind;
import io.cloudexchange.core.runtime.CheckpointReader;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.Plugin;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.cls.LogSourcePlugin;
import io.cloudexchange.plugin.api.cre.RiskPlugin;
import io.cloudexchange.plugin.api.cte.ThreatIntelPlugin;
import io.cloudexchange.plugin.api.cto.AlertSourcePlugin;
import java.util.List;

/** What pulling means for each module's source contract. */
final class PullStreams {

    private PullStreams() {
    }

    /** Whether the plugin implements the source contract of the module. */
    static boolean canPull(PlatformModule module, Plugin plugin) {
        return switch (module) {
            case CTE -> plugin instanceof ThreatIntelPlugin;
            case CTO -> plugin instanceof AlertSourcePlugin;
            case CRE -> plugin instanceof RiskPlugin;
            case CLS -> plugin instanceof LogSourcePlugin;
            case ARE -> false;
        };
    }

    static List<PullStream> of(PlatformModule module, Plugin plugin, PluginContext context) {
        return switch (module) {
            case CTE -> List.of(new PullStream(CheckpointReader.DEFAULT_STREAM, Kind.INDICATORS,
                    checkpoint -> ((ThreatIntelPlugin) plugin).pullIndicators(context, checkpoint)));
            case CTO -> List.of(new PullStream(CheckpointReader.DEFAULT_STREAM, Kind.ALERTS,
                    checkpoint -> ((AlertSourcePlugin) plugin).pullAlerts(context, checkpoint)));
            case CRE -> {
                RiskPlugin risk = (RiskPlugin) plugin;
                yield risk.entities(context).stream()
                        .map(entity -> new PullStream(entity.name(), Kind.RISK_RECORDS,
                                checkpoint -> risk.fetchRecords(context, entity.name(), checkpoint)))
                        .toList();
            }
            case CLS -> {
                LogSourcePlugin logs = (LogSourcePlugin) plugin;
                yield logs.streams(context).stream()
                        .map(stream -> new PullStream(stream.key(), Kind.LOGS,
                                checkpoint -> logs.pullLogs(context, stream, checkpoint)))
                        .toList();
            }
            case ARE -> List.of();
        };
    }
}
