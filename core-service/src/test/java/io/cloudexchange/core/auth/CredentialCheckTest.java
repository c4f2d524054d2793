package io.cloudexchange.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.core.security.PasswordHashing;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Unknown accounts cost a hash comparison too, so timing does not tell which usernames exist. */
class CredentialCheckTest {

    private final AtomicInteger comparisons = new AtomicInteger();
    private final PasswordEncoder real = PasswordHashing.encoder();
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return real.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            comparisons.incrementAndGet();
            return real.matches(raw, encoded);
        }
    };

    @Test
    void everyCheckHashesOnceWhetherOrNotTheAccountExists() {
        CredentialCheck check = new CredentialCheck(counting);
        String stored = counting.encode("the right password");

        assertThat(check.matches("the right password", stored)).isTrue();
        assertThat(check.matches("wrong", stored)).isFalse();
        assertThat(check.matches("the right password", null)).isFalse();
        assertThat(check.matches("x".repeat(100), stored)).isFalse();
        assertThat(check.matches(null, null)).isFalse();

        assertThat(comparisons).hasValue(5);
    }
}
