package io.cloudexchange.plugin.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);

    private static HttpHeaders retryAfter(String value) {
        return HttpHeaders.of(Map.of("Retry-After", List.of(value)), (name, v) -> true);
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        assertThat(Http.retryAfter(retryAfter("120"), clock)).isEqualTo(Duration.ofSeconds(120));
        assertThat(Http.retryAfter(retryAfter("Sun, 29 Nov 2026 10:01:30 GMT"), clock)).isEqualTo(Duration.ofSeconds(90));
        assertThat(Http.retryAfter(retryAfter("Sun, 29 Nov 2026 09:00:00 GMT"), clock)).isEqualTo(Duration.ZERO);
    }

    @Test
    void anAbsentOrUnreadableRetryAfterIsNull() {
        assertThat(Http.retryAfter(HttpHeaders.of(Map.of(), (name, v) -> true), clock)).isNull();
        assertThat(Http.retryAfter(retryAfter("soon"), clock)).isNull();
    }

    @Test
    void timeoutsThrottlingAndServerErrorsAreTransientOtherRefusalsAreNot() {
        assertThat(List.of(408, 429, 500, 503)).allSatisfy(status ->
                assertThat(new Http.Reply(status, "", null).transientFailure()).as("%s", status).isTrue());
        assertThat(List.of(400, 401, 403, 404, 413, 422)).allSatisfy(status ->
                assertThat(new Http.Reply(status, "", null).transientFailure()).as("%s", status).isFalse());
        assertThat(new Http.Reply(204, null, null).ok()).isTrue();
    }

    @Test
    void excerptsAreShortAndIoErrorsAreDescribedForAdmins() {
        assertThat(new Http.Reply(400, "x".repeat(1000), null).excerpt()).hasSize(303).endsWith("...");
        assertThat(Http.describe(new ConnectException("Connection refused"))).isEqualTo("cannot connect: Connection refused");
    }
}
