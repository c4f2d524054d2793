package io.cloudexchange.plugin.api.config;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One configuration field. Build with the static factories and the {@code with...} methods:
 * <pre>{@code ConfigField.number("page_size", "Page size").range(1, 10000).withDefault(1000).required()}</pre>
 *
 * @param key the key in the configuration values; unique within a schema
 * @param label the label shown in the form
 * @param type how the value is entered and checked
 * @param mandatory whether a value is required
 * @param defaultValue the value used when none is given (may be null)
 * @param description help text
 * @param placeholder example shown in an empty input
 * @param choices options of a choice or multichoice field
 * @param min lowest allowed number (number fields), or null
 * @param max highest allowed number (number fields), or null
 * @param maxLength longest allowed text, or null
 */
public record ConfigField(String key, String label, FieldType type, boolean mandatory, Object defaultValue,
                          String description, String placeholder, List<Choice> choices,
                          Double min, Double max, Integer maxLength) {

    public static final Pattern KEY_PATTERN = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");

    public ConfigField {
        Objects.requireNonNull(key, "key");
        if (!KEY_PATTERN.matcher(key).matches()) {
            throw new IllegalArgumentException("field key '" + key + "' must match " + KEY_PATTERN.pattern());
        }
        Objects.requireNonNull(type, "type of " + key);
        label = label == null ? key : label;
        description = description == null ? "" : description;
        placeholder = placeholder == null ? "" : placeholder;
        choices = choices == null ? List.of() : List.copyOf(choices);
        if ((type == FieldType.CHOICE || type == FieldType.MULTICHOICE) && choices.isEmpty()) {
            throw new IllegalArgumentException("field " + key + " is a " + type + " without choices");
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("field " + key + ": min " + min + " is above max " + max);
        }
    }

    private static ConfigField of(String key, String label, FieldType type) {
        return new ConfigField(key, label, type, false, null, null, null, List.of(), null, null, null);
    }

    public static ConfigField text(String key, String label) {
        return of(key, label, FieldType.TEXT);
    }

    public static ConfigField password(String key, String label) {
        return of(key, label, FieldType.PASSWORD);
    }

    public static ConfigField number(String key, String label) {
        return of(key, label, FieldType.NUMBER);
    }

    public static ConfigField textarea(String key, String label) {
        return of(key, label, FieldType.TEXTAREA);
    }

    public static ConfigField bool(String key, String label) {
        return of(key, label, FieldType.BOOLEAN);
    }

    public static ConfigField choice(String key, String label, List<Choice> choices) {
        return new ConfigField(key, label, FieldType.CHOICE, false, null, null, null, choices, null, null, null);
    }

    public static ConfigField multichoice(String key, String label, List<Choice> choices) {
        return new ConfigField(key, label, FieldType.MULTICHOICE, false, null, null, null, choices, null, null, null);
    }

    public ConfigField required() {
        return new ConfigField(key, label, type, true, defaultValue, description, placeholder, choices, min, max, maxLength);
    }

    public ConfigField withDefault(Object value) {
        return new ConfigField(key, label, type, mandatory, value, description, placeholder, choices, min, max, maxLength);
    }

    public ConfigField withDescription(String text) {
        return new ConfigField(key, label, type, mandatory, defaultValue, text, placeholder, choices, min, max, maxLength);
    }

    public ConfigField withPlaceholder(String text) {
        return new ConfigField(key, label, type, mandatory, defaultValue, description, text, choices, min, max, maxLength);
    }

    public ConfigField range(double low, double high) {
        return new ConfigField(key, label, type, mandatory, defaultValue, description, placeholder, choices, low, high, maxLength);
    }

    public ConfigField withMaxLength(int length) {
        return new ConfigField(key, label, type, mandatory, defaultValue, description, placeholder, choices, min, max, length);
    }

    public boolean isSecret() {
        return type.isSecret();
    }
}
