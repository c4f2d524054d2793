package io.cloudexchange.gateway.plugins;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The configuration form a plugin declares: steps of fields. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PluginSchema(List<Step> steps) {

    public PluginSchema {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public Stream<Field> fields() {
        return steps.stream().flatMap(step -> step.fields().stream());
    }

    public Optional<Field> field(String key) {
        return fields().filter(field -> field.key().equals(key)).findFirst();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Step(String name, String label, List<Field> fields) {

        public Step {
            fields = fields == null ? List.of() : List.copyOf(fields);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Field(String key, String label, FieldType type, boolean mandatory, Object defaultValue,
            String description, String placeholder, List<Choice> choices, Number min, Number max,
            Integer maxLength) {

        public Field {
            choices = choices == null ? List.of() : List.copyOf(choices);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Choice(String label, String value) {
    }

    public enum FieldType {
        TEXT, PASSWORD, NUMBER, CHOICE, MULTICHOICE, TEXTAREA, BOOLEAN
    }
}
