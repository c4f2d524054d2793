package io.cloudexchange.plugin.api.cre;

import io.cloudexchange.plugin.api.ActionDefinition;
import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.Plugin;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PullPage;
import java.util.List;

/**
 * Risk Exchange contract: risk records per entity, scores on 0-1000 (higher = safer), actions. Each entity is a
 * stream with its own checkpoint; the platform may fetch several entities of one configuration at the same time.
 */
public interface RiskPlugin extends Plugin {

    List<Entity> entities(PluginContext context);

    /** Pulls the next page of records of an entity. */
    PullPage<RiskRecord> fetchRecords(PluginContext context, String entity, Checkpoint checkpoint);

    /** Refreshes scores and fields of known records. */
    default List<RiskRecord> updateRecords(PluginContext context, String entity, List<RiskRecord> records) {
        return records;
    }

    default List<ActionDefinition> actions(PluginContext context) {
        return List.of();
    }

    default ActionResult executeActions(PluginContext context, List<ActionRequest> requests) {
        throw new UnsupportedOperationException(descriptor().id() + " offers no actions");
    }
}
