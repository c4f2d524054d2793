package io.cloudexchange.plugin.api.cre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RiskRecordTest {

    @Test
    void acceptsScoresFromZeroToAThousandOrNone() {
        assertThat(new RiskRecord("users", "a@example.com", Map.of(), 0).normalizedScore()).isZero();
        assertThat(new RiskRecord("users", "a@example.com", Map.of(), 1000).normalizedScore()).isEqualTo(1000);
        assertThat(new RiskRecord("users", "a@example.com", null, null).normalizedScore()).isNull();
    }

    @Test
    void refusesScoresOutsideTheScale() {
        assertThatThrownBy(() -> new RiskRecord("users", "a@example.com", Map.of(), -1)).hasMessageContaining("between 0 and 1000");
        assertThatThrownBy(() -> new RiskRecord("users", "a@example.com", Map.of(), 1001)).hasMessageContaining("between 0 and 1000");
    }

    @Test
    void requiresEntityAndUid() {
        assertThatThrownBy(() -> new RiskRecord(null, "a", Map.of(), 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new RiskRecord("users", null, Map.of(), 1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void fieldsAreACopy() {
        Map<String, Object> fields = new HashMap<>(Map.of("department", "sales"));
        RiskRecord record = new RiskRecord("users", "a@example.com", fields, 500);
        fields.put("department", "finance");

        assertThat(record.fields()).containsEntry("department", "sales");
    }
}
