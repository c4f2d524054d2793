package io.cloudexchange.plugin.api.config;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The typed configuration form of a plugin (or of an action's parameters): fields grouped in steps.
 * Values are a flat map keyed by field key; steps only group fields for display and per-step checks.
 */
public record ConfigSchema(List<ConfigStep> steps) {

    public static final String DEFAULT_STEP = "configuration";

    public ConfigSchema {
        steps = List.copyOf(steps);
        Set<String> keys = new HashSet<>();
        for (ConfigStep step : steps) {
            for (ConfigField field : step.fields()) {
                if (!keys.add(field.key())) {
                    throw new IllegalArgumentException("field key '" + field.key() + "' is used twice");
                }
            }
        }
    }

    /** A one-step schema. */
    public static ConfigSchema of(ConfigField... fields) {
        return new ConfigSchema(List.of(new ConfigStep(DEFAULT_STEP, "Configuration", List.of(fields))));
    }

    public static ConfigSchema empty() {
        return new ConfigSchema(List.of());
    }

    public List<ConfigField> fields() {
        return steps.stream().flatMap(s -> s.fields().stream()).toList();
    }

    public Optional<ConfigField> field(String key) {
        return fields().stream().filter(f -> f.key().equals(key)).findFirst();
    }

    public Set<String> secretKeys() {
        Set<String> keys = new HashSet<>();
        fields().stream().filter(ConfigField::isSecret).forEach(f -> keys.add(f.key()));
        return keys;
    }

    /** The values with defaults filled in for fields that have none. */
    public Map<String, Object> withDefaults(Map<String, ?> values) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (ConfigField field : fields()) {
            Object value = values == null ? null : values.get(field.key());
            if (isEmpty(value)) {
                value = field.defaultValue();
            }
            if (value != null) {
                result.put(field.key(), value);
            }
        }
        return result;
    }

    /**
     * Checks values against the schema: unknown keys, mandatory fields, types, number ranges,
     * lengths and choices. Defaults count as given.
     */
    public ValidationResult validate(Map<String, ?> values) {
        ValidationResult.Builder result = ValidationResult.builder();
        Map<String, ?> given = values == null ? Map.of() : values;
        for (String key : given.keySet()) {
            if (field(key).isEmpty()) {
                result.field(key, "unknown field");
            }
        }
        Map<String, Object> effective = withDefaults(given);
        for (ConfigField field : fields()) {
            Object value = effective.get(field.key());
            if (isEmpty(value)) {
                if (field.mandatory()) {
                    result.field(field.key(), field.label() + " is required");
                }
                continue;
            }
            FieldChecks.check(field, value).ifPresent(problem -> result.field(field.key(), problem));
        }
        return result.build();
    }

    /** Validates only the fields of one step. */
    public ValidationResult validateStep(String stepName, Map<String, ?> values) {
        ConfigStep step = steps.stream().filter(s -> s.name().equals(stepName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step named " + stepName));
        ValidationResult all = validate(values);
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConfigField field : step.fields()) {
            String problem = all.fieldErrors().get(field.key());
            if (problem != null) {
                errors.put(field.key(), problem);
            }
        }
        return new ValidationResult(errors, null);
    }

    static boolean isEmpty(Object value) {
        return value == null
                || (value instanceof String s && s.isEmpty())
                || (value instanceof Collection<?> c && c.isEmpty());
    }
}
