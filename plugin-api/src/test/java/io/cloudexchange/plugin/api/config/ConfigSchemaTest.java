package io.cloudexchange.plugin.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigSchemaTest {

    private static final ConfigSchema SCHEMA = new ConfigSchema(List.of(
            new ConfigStep("auth", "Authentication", List.of(
                    ConfigField.text("url", "Tenant URL").required().withMaxLength(20),
                    ConfigField.password("token", "API token").required())),
            new ConfigStep("pull", "Pulling", List.of(
                    ConfigField.number("page_size", "Page size").range(1, 100).withDefault(10).required(),
                    ConfigField.choice("severity", "Severity", List.of(Choice.of("low"), Choice.of("high"))),
                    ConfigField.multichoice("types", "Types", List.of(Choice.of("url"), Choice.of("md5")))
                            .withDefault(List.of("url")),
                    ConfigField.bool("enabled", "Enabled")))));

    private static final Map<String, Object> VALID = Map.of("url", "https://t.example", "token", "s3cret");

    @Test
    void acceptsValidValuesWithDefaultsForTheRest() {
        assertThat(SCHEMA.validate(VALID).isValid()).isTrue();
        assertThat(SCHEMA.withDefaults(VALID)).containsOnly(
                entry("url", "https://t.example"), entry("token", "s3cret"), entry("page_size", 10), entry("types", List.of("url")));
    }

    @Test
    void reportsEachMissingMandatoryFieldByKey() {
        ValidationResult result = SCHEMA.validate(Map.of("url", "", "token", List.of()));

        assertThat(result.fieldErrors()).containsOnly(entry("url", "Tenant URL is required"), entry("token", "API token is required"));
        assertThat(result.message()).isNull();
    }

    @Test
    void toleratesNullValues() {
        assertThat(SCHEMA.validate(null).fieldErrors()).containsOnlyKeys("url", "token");
    }

    @Test
    void reportsUnknownKeys() {
        assertThat(SCHEMA.validate(with("colour", "red")).fieldErrors()).containsOnly(entry("colour", "unknown field"));
    }

    @Test
    void checksNumberTypeAndRange() {
        assertThat(SCHEMA.validate(with("page_size", 0)).fieldErrors()).containsOnly(entry("page_size", "must be between 1 and 100"));
        assertThat(SCHEMA.validate(with("page_size", 100.5)).fieldErrors()).containsOnlyKeys("page_size");
        assertThat(SCHEMA.validate(with("page_size", Double.NaN)).fieldErrors()).containsOnly(entry("page_size", "must be a finite number"));
        assertThat(SCHEMA.validate(with("page_size", "50")).fieldErrors()).containsOnly(entry("page_size", "must be a number"));
        assertThat(SCHEMA.validate(with("page_size", 100L)).isValid()).isTrue();
    }

    @Test
    void checksChoices() {
        assertThat(SCHEMA.validate(with("severity", "high")).isValid()).isTrue();
        assertThat(SCHEMA.validate(with("severity", "HIGH")).fieldErrors()).containsOnly(entry("severity", "must be one of [low, high]"));
    }

    @Test
    void checksEveryItemOfAMultichoice() {
        assertThat(SCHEMA.validate(with("types", List.of("url", "md5"))).isValid()).isTrue();
        assertThat(SCHEMA.validate(with("types", List.of("url", "ipv4"))).fieldErrors())
                .containsOnly(entry("types", "'ipv4' is not one of [url, md5]"));
        assertThat(SCHEMA.validate(with("types", "url")).fieldErrors()).containsOnly(entry("types", "must be a list"));
    }

    @Test
    void checksTextTypeAndLength() {
        assertThat(SCHEMA.validate(with("url", "https://a-very-long.example")).fieldErrors())
                .containsOnly(entry("url", "must be at most 20 characters"));
        assertThat(SCHEMA.validate(with("url", 42)).fieldErrors()).containsOnly(entry("url", "must be text"));
    }

    @Test
    void checksBooleans() {
        assertThat(SCHEMA.validate(with("enabled", true)).isValid()).isTrue();
        assertThat(SCHEMA.validate(with("enabled", "yes")).fieldErrors()).containsOnly(entry("enabled", "must be true or false"));
    }

    @Test
    void reportsAnInvalidDefaultLikeAGivenValue() {
        ConfigSchema schema = ConfigSchema.of(ConfigField.number("size", "Size").range(1, 10).withDefault(50));

        assertThat(schema.validate(Map.of()).fieldErrors()).containsOnlyKeys("size");
    }

    @Test
    void validatesOneStepAtATime() {
        Map<String, Object> values = Map.of("page_size", 500);

        assertThat(SCHEMA.validateStep("pull", values).fieldErrors()).containsOnlyKeys("page_size");
        assertThat(SCHEMA.validateStep("auth", Map.of("url", "https://t.example", "token", "x")).isValid()).isTrue();
        assertThatThrownBy(() -> SCHEMA.validateStep("nope", values)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knowsItsSecretFields() {
        assertThat(SCHEMA.secretKeys()).containsExactly("token");
    }

    @Test
    void refusesDuplicateKeysAndMalformedFields() {
        assertThatThrownBy(() -> ConfigSchema.of(ConfigField.text("a", "A"), ConfigField.number("a", "B")))
                .hasMessageContaining("'a' is used twice");
        assertThatThrownBy(() -> ConfigField.text("1st", "First")).hasMessageContaining("must match");
        assertThatThrownBy(() -> ConfigField.choice("c", "C", List.of())).hasMessageContaining("without choices");
        assertThatThrownBy(() -> ConfigField.number("n", "N").range(5, 1)).hasMessageContaining("is above max");
    }

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> values = new java.util.HashMap<>(VALID);
        values.put(key, value);
        return values;
    }
}
