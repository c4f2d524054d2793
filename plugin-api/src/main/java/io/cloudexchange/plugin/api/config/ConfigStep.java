package io.cloudexchange.plugin.api.config;

import java.util.List;
import java.util.Objects;

/** A named group of fields, shown as one step of a multi-step form. */
public record ConfigStep(String name, String label, List<ConfigField> fields) {

    public ConfigStep {
        Objects.requireNonNull(name, "name");
        label = label == null ? name : label;
        fields = List.copyOf(fields);
    }
}
