package io.cloudexchange.plugin.api.cls;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.plugin.api.log.LogType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchOutcomeTest {

    private static MappedLog log(String id) {
        return new MappedLog(id, new LogStream(LogType.ALERT, "dlp"), LogFormat.JSON, "{}");
    }

    @Test
    void everyRecordDeliveredIsDelivered() {
        BatchOutcome outcome = new BatchOutcome();
        outcome.delivered(3);

        assertThat(outcome.result("siem").status()).isEqualTo(DeliveryResult.Status.DELIVERED);
    }

    @Test
    void onlyTransientFailuresRetryTheBatchAfterTheLongestWaitAsked() {
        BatchOutcome outcome = new BatchOutcome();
        outcome.failed(List.of(log("a")), "HTTP 429", true, Duration.ofSeconds(5));
        outcome.failed(List.of(log("b")), "HTTP 503", true, Duration.ofSeconds(30));

        DeliveryResult result = outcome.result("siem");

        assertThat(result.status()).isEqualTo(DeliveryResult.Status.RETRY);
        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(result.message()).isEqualTo("HTTP 429");
    }

    @Test
    void onlyPermanentFailuresRejectTheBatch() {
        BatchOutcome outcome = new BatchOutcome();
        outcome.failed(List.of(log("a"), log("b")), "HTTP 400 bad field", false, null);

        assertThat(outcome.result("siem").status()).isEqualTo(DeliveryResult.Status.REJECTED);
    }

    @Test
    void mixedFatesArePartialAndListEachFailedRecord() {
        BatchOutcome outcome = new BatchOutcome();
        outcome.delivered(1);
        outcome.failed("b", "HTTP 413", false);
        outcome.failed(List.of(log("c")), "HTTP 503", true, null);

        DeliveryResult result = outcome.result("siem");

        assertThat(result.status()).isEqualTo(DeliveryResult.Status.PARTIAL);
        assertThat(result.failed()).extracting(FailedLog::id, FailedLog::retryable)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b", false), org.assertj.core.groups.Tuple.tuple("c", true));
        assertThat(result.message()).contains("1 records delivered to siem", "2 not");
    }
}
