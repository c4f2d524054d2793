package io.cloudexchange.gateway.configurations;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.cloudexchange.gateway.core.FormNumbers;
import io.cloudexchange.gateway.plugins.PluginSchema;
import io.cloudexchange.gateway.plugins.PluginSchema.Field;
import io.cloudexchange.gateway.plugins.PluginSchema.Step;

/** Maps between a plugin's schema, the HTML inputs rendered from it and the {@code parameters} core-service takes. */
final class SchemaForm {

    static final String INPUT_PREFIX = "param.";
    private static final String ERROR_PREFIX = "parameters.";

    private SchemaForm() {
    }

    public record StepView(Step step, List<FieldView> fields) {
    }

    /**
     * @param values     parameter values to show
     * @param useDefaults whether fields without a value show the schema's default (a new configuration)
     */
    static List<StepView> render(PluginSchema schema, Map<String, Object> values, boolean useDefaults,
            Collection<String> secretsSet, Map<String, String> errors) {
        return schema.steps().stream()
                .map(step -> new StepView(step, step.fields().stream()
                        .map(field -> view(field, valueOf(field, values, useDefaults), secretsSet, errors))
                        .toList()))
                .toList();
    }

    /** Reads the submitted inputs; an empty password is left out so that core keeps the stored secret. */
    static Map<String, Object> parameters(PluginSchema schema, Map<String, String[]> form) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        schema.fields().forEach(field -> {
            String[] submitted = form.get(INPUT_PREFIX + field.key());
            String first = submitted == null || submitted.length == 0 ? "" : submitted[0];
            switch (field.type()) {
                case BOOLEAN -> parameters.put(field.key(), submitted != null);
                case MULTICHOICE -> parameters.put(field.key(), submitted == null ? List.of() : List.of(submitted));
                case NUMBER -> putIfPresent(parameters, field.key(), FormNumbers.parse(first));
                default -> putIfPresent(parameters, field.key(), first.isEmpty() ? null : first);
            }
        });
        return parameters;
    }

    /** Errors core reported for keys that have no input on the form, e.g. {@code pluginId}. */
    static Map<String, String> errorsWithoutInput(Map<String, String> errors, PluginSchema schema,
            Set<String> otherInputs) {
        Set<String> inputs = schema.fields().map(field -> ERROR_PREFIX + field.key()).collect(Collectors.toSet());
        inputs.addAll(otherInputs);
        return errors.entrySet().stream()
                .filter(error -> !inputs.contains(error.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    private static FieldView view(Field field, Object value, Collection<String> secretsSet,
            Map<String, String> errors) {
        return new FieldView(field, INPUT_PREFIX + field.key(), textOf(field, value), selectedOf(value),
                Boolean.TRUE.equals(value) || "true".equals(value), errors.get(ERROR_PREFIX + field.key()),
                secretsSet.contains(field.key()));
    }

    private static Object valueOf(Field field, Map<String, Object> values, boolean useDefaults) {
        if (values.containsKey(field.key())) {
            return values.get(field.key());
        }
        return useDefaults ? field.defaultValue() : null;
    }

    private static String textOf(Field field, Object value) {
        if (value == null || value instanceof Collection<?> || field.type() == PluginSchema.FieldType.PASSWORD) {
            return "";
        }
        return String.valueOf(value);
    }

    private static Set<String> selectedOf(Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.toCollection(LinkedHashSet::new));
        }
        if (value instanceof Object[] values) {
            return Arrays.stream(values).map(String::valueOf).collect(Collectors.toCollection(LinkedHashSet::new));
        }
        return value == null ? Set.of() : Set.of(String.valueOf(value));
    }

    private static void putIfPresent(Map<String, Object> parameters, String key, Object value) {
        if (value != null) {
            parameters.put(key, value);
        }
    }
}
