package io.cloudexchange.gateway.configurations;

import java.util.Set;

import io.cloudexchange.gateway.plugins.PluginSchema.Field;

/**
 * One schema field ready to render: its input name, current value in the shape its input needs, core's error
 * for it and whether a stored secret exists.
 */
public record FieldView(Field field, String inputName, String text, Set<String> selected, boolean checked, String error,
        boolean secretSet) {

    public String inputId() {
        return "param-" + field.key();
    }
}
