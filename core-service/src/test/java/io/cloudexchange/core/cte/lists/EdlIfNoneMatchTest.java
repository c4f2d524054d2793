package io.cloudexchange.core.cte.lists;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EdlIfNoneMatchTest {

    @Test
    void matchesStrongWeakListedAndWildcardTags() {
        assertThat(EdlController.matches("\"abc\"", "\"abc\"")).isTrue();
        assertThat(EdlController.matches("W/\"abc\"", "\"abc\"")).isTrue();
        assertThat(EdlController.matches("\"x\", \"abc\"", "\"abc\"")).isTrue();
        assertThat(EdlController.matches("*", "\"abc\"")).isTrue();
        assertThat(EdlController.matches("\"abd\"", "\"abc\"")).isFalse();
        assertThat(EdlController.matches(null, "\"abc\"")).isFalse();
    }

    @Test
    void tokensAreReadFromBearerOrTheBasicPassword() {
        assertThat(ListSecurityConfiguration.TokenFilter.presentedToken("Bearer cel_x")).isEqualTo("cel_x");
        assertThat(ListSecurityConfiguration.TokenFilter.presentedToken("Basic dXNlcjpjZWxfeA==")).isEqualTo("cel_x");
        assertThat(ListSecurityConfiguration.TokenFilter.presentedToken("Basic !!!")).isNull();
        assertThat(ListSecurityConfiguration.TokenFilter.presentedToken("Digest x")).isNull();
    }
}
