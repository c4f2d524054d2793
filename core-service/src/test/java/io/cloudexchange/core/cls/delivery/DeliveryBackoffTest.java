package io.cloudexchange.core.cls.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class DeliveryBackoffTest {

    private final DeliveryBackoff backoff = new DeliveryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

    @RepeatedTest(20)
    void waitsDoubleWithinTwentyPercentJitter() {
        assertThat(backoff.before(1, null).toMillis()).isBetween(800L, 1_200L);
        assertThat(backoff.before(2, null).toMillis()).isBetween(1_600L, 2_400L);
        assertThat(backoff.before(4, null).toMillis()).isBetween(6_400L, 9_600L);
    }

    @RepeatedTest(20)
    void waitsStopGrowingAtTheCap() {
        assertThat(backoff.before(7, null).toMillis()).isBetween(48_000L, 60_000L);
        assertThat(backoff.before(1_000, null).toMillis()).isBetween(48_000L, 60_000L);
    }

    @Test
    void aLongerRetryAfterIsHonouredUpToTheCap() {
        assertThat(backoff.before(1, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.before(1, Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.before(1, Duration.ofMillis(10)).toMillis()).isGreaterThanOrEqualTo(800L);
    }
}
