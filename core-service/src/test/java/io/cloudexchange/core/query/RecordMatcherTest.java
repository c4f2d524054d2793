package io.cloudexchange.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordMatcherTest {

    private static boolean matches(String query, Map<String, ?> record) {
        return QueryFields.of().orAnyField().compile(query, QueryFieldsTest.CLOCK).toMatcher().matches(record);
    }

    @Test
    void comparesNestedFieldsByDottedPath() {
        Map<String, Object> record = Map.of("src", Map.of("ip", "10.0.0.1", "port", 443), "action", "block");

        assertThat(matches("src.ip == \"10.0.0.1\" AND src.port >= 400", record)).isTrue();
        assertThat(matches("src.port IN (80, 8080)", record)).isFalse();
        assertThat(matches("action contains \"LOC\"", record)).isTrue();
        assertThat(matches("action regex \"^b.o\"", record)).isTrue();
        assertThat(matches("action regex \"^B\"", record)).isFalse();
        assertThat(matches("action regex \"(?i)^B\"", record)).isTrue();
    }

    @Test
    void listsMatchWhenAnyElementMatchesAndNegationsWhenNoneDoes() {
        Map<String, Object> record = Map.of("tags", List.of("phishing", "c2"),
                "sources", List.of(Map.of("id", "a"), Map.of("id", "b")));

        assertThat(matches("tags == \"c2\"", record)).isTrue();
        assertThat(matches("tags != \"c2\"", record)).isFalse();
        assertThat(matches("tags NOT IN (\"spam\")", record)).isTrue();
        assertThat(matches("sources.id == \"b\"", record)).isTrue();
        assertThat(matches("sources.id NOT IN (\"a\")", record)).isFalse();
    }

    @Test
    void missingFieldsFailPositiveConditionsAndPassNegativeOnes() {
        Map<String, Object> record = new HashMap<>();
        record.put("nothing", null);

        assertThat(matches("x == \"a\"", record)).isFalse();
        assertThat(matches("x < 5", record)).isFalse();
        assertThat(matches("x != \"a\"", record)).isTrue();
        assertThat(matches("nothing NOT IN (1, 2)", record)).isTrue();
        assertThat(matches("NOT x == \"a\"", record)).isTrue();
    }

    @Test
    void numbersCompareByValueAndKindsNeverMix() {
        Map<String, Object> record = Map.of("n", 5, "d", 5.0, "s", "5");

        assertThat(matches("n == 5.0 AND d == 5 AND n < 5.5", record)).isTrue();
        assertThat(matches("s == 5", record)).isFalse();
        assertThat(matches("s < 6", record)).isFalse();
        assertThat(matches("n == \"5\"", record)).isFalse();
    }

    @Test
    void datesCompareWhateverTheirJavaType() {
        Map<String, Object> record = Map.of("at", Date.from(Instant.parse("2026-05-09T12:00:00Z")),
                "seen", Instant.parse("2026-05-01T00:00:00Z"));

        assertThat(matches("at > now - 2d AND at < now", record)).isTrue();
        assertThat(matches("seen > now - 7d", record)).isFalse();
    }

    @Test
    void aPathologicalMatchGivesUpInsteadOfStalling() {
        String text = "a".repeat(5_000) + "!";
        // (a|aa)*b style: allowed (no nested quantifier), quadratic on this input; the step budget stops it.
        assertThat(matches("s regex \"a*a*a*a*a*b\"", Map.of("s", text))).isFalse();
    }
}
