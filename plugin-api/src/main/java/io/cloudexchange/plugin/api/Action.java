package io.cloudexchange.plugin.api;

import java.util.Map;
import java.util.Objects;

/**
 * An action chosen by an admin, with its parameters (validated against the action's schema).
 *
 * @param value the action's identifier as published in {@link ActionDefinition#value()}
 * @param parameters the parameter values
 */
public record Action(String value, Map<String, Object> parameters) {

    public Action {
        Objects.requireNonNull(value, "value");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
