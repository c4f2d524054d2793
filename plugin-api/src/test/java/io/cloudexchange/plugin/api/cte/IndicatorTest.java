package io.cloudexchange.plugin.api.cte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorTest {

    @Test
    void fillsInWhatTheSourceDidNotSay() {
        Indicator indicator = Indicator.of(IndicatorType.URL, "https://bad.example");

        assertThat(indicator.severity()).isEqualTo(Severity.UNKNOWN);
        assertThat(indicator.reputation()).isEqualTo(5);
        assertThat(indicator.tags()).isEmpty();
        assertThat(indicator.comments()).isEmpty();
        assertThat(new Indicator("x", IndicatorType.MD5, null, 5, null, null, null, null, null, null).severity())
                .isEqualTo(Severity.UNKNOWN);
    }

    @Test
    void requiresAValueAndAType() {
        assertThatThrownBy(() -> Indicator.of(IndicatorType.URL, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Indicator.of(null, "x")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void keepsReputationBetweenOneAndTen() {
        Indicator indicator = Indicator.of(IndicatorType.IPV4, "10.0.0.1");

        assertThat(indicator.withReputation(1).reputation()).isEqualTo(1);
        assertThat(indicator.withReputation(10).reputation()).isEqualTo(10);
        assertThatThrownBy(() -> indicator.withReputation(0)).hasMessageContaining("between 1 and 10");
        assertThatThrownBy(() -> indicator.withReputation(11)).hasMessageContaining("between 1 and 10");
    }

    @Test
    void tagsCannotChangeAfterCreation() {
        List<String> tags = new ArrayList<>(List.of("phishing"));
        Indicator indicator = Indicator.of(IndicatorType.DOMAIN, "bad.example").withTags(tags);
        tags.add("later");

        assertThat(indicator.tags()).containsExactly("phishing");
        assertThatThrownBy(() -> indicator.tags().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void withersChangeOnlyTheirField() {
        Indicator original = Indicator.of(IndicatorType.SHA256, "ab").withReputation(2);
        Indicator changed = original.withSeverity(Severity.HIGH);

        assertThat(changed.severity()).isEqualTo(Severity.HIGH);
        assertThat(changed).usingRecursiveComparison().ignoringFields("severity").isEqualTo(original);
    }
}
