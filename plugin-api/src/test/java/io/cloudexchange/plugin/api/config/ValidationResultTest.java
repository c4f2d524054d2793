package io.cloudexchange.plugin.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class ValidationResultTest {

    @Test
    void okIsValidAndNeutralWhenMerged() {
        ValidationResult problem = ValidationResult.fieldError("url", "unreachable");

        assertThat(ValidationResult.ok().isValid()).isTrue();
        assertThat(ValidationResult.ok().and(problem)).isSameAs(problem);
        assertThat(problem.and(ValidationResult.ok())).isSameAs(problem);
    }

    @Test
    void mergeKeepsAllFieldsAndTheFirstProblemPerField() {
        ValidationResult first = ValidationResult.builder().field("url", "bad url").field("token", "expired").build();
        ValidationResult second = ValidationResult.builder().field("token", "missing").field("size", "too big").build();

        assertThat(first.and(second).fieldErrors())
                .containsExactly(entry("url", "bad url"), entry("token", "expired"), entry("size", "too big"));
    }

    @Test
    void mergeKeepsTheFirstGeneralMessage() {
        ValidationResult refused = ValidationResult.error("server refused");
        ValidationResult timedOut = ValidationResult.error("timed out");

        assertThat(refused.and(timedOut).message()).isEqualTo("server refused");
        assertThat(ValidationResult.fieldError("a", "b").and(timedOut).message()).isEqualTo("timed out");
    }

    @Test
    void aGeneralMessageAloneMakesItInvalid() {
        assertThat(ValidationResult.error("server refused").isValid()).isFalse();
        assertThat(ValidationResult.builder().message("no").build().isValid()).isFalse();
    }

    @Test
    void builderKeepsTheFirstProblemOfAField() {
        ValidationResult.Builder builder = ValidationResult.builder().field("url", "first").field("url", "second");

        assertThat(builder.hasError("url")).isTrue();
        assertThat(builder.build().fieldErrors()).containsExactly(entry("url", "first"));
        assertThat(ValidationResult.builder().build()).isSameAs(ValidationResult.ok());
    }
}
