package io.cloudexchange.core.cte.lists;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.plugin.api.cte.IndicatorType;
import org.junit.jupiter.api.Test;

class StixIndicatorsTest {

    @Test
    void patternsQuoteValuesSoTheyCannotEndTheLiteral() {
        assertThat(StixIndicators.pattern(IndicatorType.URL, "http://x/'] OR [a:b = 'c\\"))
                .isEqualTo("[url:value = 'http://x/\\'] OR [a:b = \\'c\\\\']");
        assertThat(StixIndicators.pattern(IndicatorType.SHA256, "ab"))
                .isEqualTo("[file:hashes.'SHA-256' = 'ab']");
        assertThat(StixIndicators.pattern(IndicatorType.IPV6, "::1")).isEqualTo("[ipv6-addr:value = '::1']");
    }

    @Test
    void idsAreDeterministicVersion5Uuids() {
        assertThat(StixIndicators.id(IndicatorType.URL, "http://a/")).isEqualTo(StixIndicators.id(IndicatorType.URL, "http://a/"))
                .isNotEqualTo(StixIndicators.id(IndicatorType.DOMAIN, "http://a/"));
        assertThat(StixIndicators.uuid5("x").version()).isEqualTo(5);
        assertThat(StixIndicators.uuid5("x").variant()).isEqualTo(2);
    }
}
