package io.cloudexchange.plugin.api;

import io.cloudexchange.plugin.api.config.ConfigSchema;
import java.util.Objects;

/**
 * An action a plugin offers (e.g. "Add to URL list") and the form of its parameters.
 *
 * @param label shown in the UI
 * @param value stable identifier
 * @param patchSupported whether the target accepts incremental changes
 * @param parameters schema of the action's parameters
 */
public record ActionDefinition(String label, String value, boolean patchSupported, ConfigSchema parameters) {

    public ActionDefinition {
        Objects.requireNonNull(value, "value");
        label = label == null ? value : label;
        parameters = parameters == null ? ConfigSchema.empty() : parameters;
    }
}
