package io.cloudexchange.plugin.api.cte;

import io.cloudexchange.plugin.api.Action;
import io.cloudexchange.plugin.api.ActionDefinition;
import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.Plugin;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.PushResult;
import io.cloudexchange.plugin.api.config.ValidationResult;
import java.util.List;

/**
 * Threat Exchange contract. A source declares {@code PULL} (and {@code RETRACTION} if it reports
 * indicators that are no longer valid); a destination declares {@code PUSH} (and {@code DELETE} if it
 * can remove indicators at the target). Operations a plugin does not declare are never called.
 */
public interface ThreatIntelPlugin extends Plugin {

    /** Pulls the next page of indicators after {@code checkpoint}. */
    default PullPage<Indicator> pullIndicators(PluginContext context, Checkpoint checkpoint) {
        throw new UnsupportedOperationException(descriptor().id() + " does not pull indicators");
    }

    /** Shares indicators with the target using the chosen action. */
    default PushResult push(PluginContext context, List<Indicator> indicators, Action action) {
        throw new UnsupportedOperationException(descriptor().id() + " does not push indicators");
    }

    /** The actions a destination offers and their parameter schemas. */
    default List<ActionDefinition> actions(PluginContext context) {
        return List.of();
    }

    default ValidationResult validateAction(PluginContext context, Action action) {
        return actions(context).stream()
                .filter(a -> a.value().equals(action.value()))
                .findFirst()
                .map(a -> a.parameters().validate(action.parameters()))
                .orElse(ValidationResult.fieldError("action", "unknown action '" + action.value() + "'"));
    }

    /** Of the given indicators this source shared earlier, the ones it no longer vouches for. */
    default List<Indicator> retractedIndicators(PluginContext context, List<Indicator> candidates) {
        return List.of();
    }

    /** Removes indicators from the target. */
    default PushResult retract(PluginContext context, List<Indicator> indicators, Action action) {
        throw new UnsupportedOperationException(descriptor().id() + " does not retract indicators");
    }
}
