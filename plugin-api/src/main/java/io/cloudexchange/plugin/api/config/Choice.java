package io.cloudexchange.plugin.api.config;

import java.util.Objects;

/** One option of a choice or multichoice field: the label shown and the value stored. */
public record Choice(String label, String value) {

    public Choice {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
    }

    public static Choice of(String value) {
        return new Choice(value, value);
    }
}
