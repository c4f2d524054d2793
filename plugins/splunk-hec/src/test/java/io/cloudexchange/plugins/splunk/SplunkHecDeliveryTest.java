package io.cloudexchange.plugins.splunk;

import io.cloudexchange.plugin.api.json.Json;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.plugin.api.cls.DeliveryResult;
import io.cloudexchange.plugin.api.cls.FailedLog;
import io.cloudexchange.plugin.api.cls.LogFormat;
import io.cloudexchange.plugin.api.cls.LogStream;
import io.cloudexchange.plugin.api.cls.MappedLog;
import io.cloudexchange.plugin.api.config.ValidationResult;
import io.cloudexchange.plugin.api.log.LogType;
import io.cloudexchange.plugin.testkit.TestPluginContext;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SplunkHecDeliveryTest {

    private final SplunkHecPlugin plugin = new SplunkHecPlugin();
    private FakeHec hec;

    @BeforeEach
    void start() throws Exception {
        hec = new FakeHec();
    }

    @AfterEach
    void stop() {
        hec.close();
    }

    private TestPluginContext context(Object... keyValues) {
        Map<String, Object> config = new HashMap<>(Map.of("url", hec.url(), "token", FakeHec.TOKEN));
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put((String) keyValues[i], keyValues[i + 1]);
        }
        return TestPluginContext.builder().defaultsFrom(plugin.configSchema()).config(config).build();
    }

    static List<MappedLog> logs(int count) {
        List<MappedLog> logs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            logs.add(i % 2 == 0
                    ? new MappedLog("id-" + i, new LogStream(LogType.ALERT, "dlp"), LogFormat.JSON,
                            "{\"id\":\"id-" + i + "\",\"note\":\"quote \\\" and line\\nbreak\"}")
                    : new MappedLog("id-" + i, new LogStream(LogType.ALERT, "dlp"), LogFormat.CEF,
                            "CEF:0|Netskope|CE|1.0|dlp|Alert \"" + i + "\"|5|msg=a\\=b id=id-" + i));
        }
        return logs;
    }

    private static List<String> failedIds(DeliveryResult result, boolean retryable) {
        return result.failed().stream().filter(f -> f.retryable() == retryable).map(FailedLog::id).toList();
    }

    @Test
    void everyEventArrivesOnceWithItsMetadataAndTheToken() {
        DeliveryResult result = plugin.deliver(context("index", "netskope", "sourcetype", "netskope:alert",
                "host", "ce-1"), logs(20));

        assertThat(result.status()).as(result.message()).isEqualTo(DeliveryResult.Status.DELIVERED);
        assertThat(hec.indexed).hasSize(20);
        Map<String, Object> json = hec.indexed.get(0);
        assertThat(json).containsEntry("index", "netskope").containsEntry("sourcetype", "netskope:alert")
                .containsEntry("host", "ce-1").containsEntry("source", "netskope-ce");
        assertThat(Json.object(json.get("event"))).containsEntry("id", "id-0").containsEntry("note", "quote \" and line\nbreak");
        assertThat(hec.indexed.get(1).get("event")).isEqualTo("CEF:0|Netskope|CE|1.0|dlp|Alert \"1\"|5|msg=a\\=b id=id-1");
        assertThat(hec.requests).isEqualTo(1);
    }

    @Test
    void largeBatchesAreSplitIntoRequestsBelowTheLimit() {
        hec.maxContentLength = 10_000;

        DeliveryResult result = plugin.deliver(context("max_request_bytes", 10_000), logs(300));

        assertThat(result.status()).as(result.message()).isEqualTo(DeliveryResult.Status.DELIVERED);
        assertThat(hec.indexed).hasSize(300);
        assertThat(hec.requests).as("30 kB in requests of at most 10 kB (the collector answers 413 above)").isGreaterThanOrEqualTo(3);
    }

    @Test
    void anInvalidEventFailsForGoodTheOnesBeforeAreDeliveredAndTheOnesAfterRetried() {
        List<MappedLog> logs = new ArrayList<>(logs(5));
        logs.add(2, new MappedLog("broken", new LogStream(LogType.EVENT, "page"), LogFormat.JSON, "{\"unclosed\":"));

        DeliveryResult result = plugin.deliver(context(), logs);

        assertThat(result.status()).isEqualTo(DeliveryResult.Status.PARTIAL);
        assertThat(failedIds(result, false)).containsExactly("broken");
        assertThat(failedIds(result, true)).containsExactly("id-2", "id-3", "id-4");
        assertThat(result.failed().get(0).reason()).contains("code 6");
        assertThat(hec.indexed).hasSize(2);
    }

    @Test
    void anUnknownIndexIsRejected() {
        DeliveryResult result = plugin.deliver(context("index", "nope"), logs(3));

        assertThat(result.status()).as("every event names the same index").isEqualTo(DeliveryResult.Status.REJECTED);
        assertThat(result.message()).contains("Incorrect index");
    }

    @Test
    void aWrongTokenRejectsTheBatch() {
        DeliveryResult result = plugin.deliver(context("token", "wrong"), logs(3));

        assertThat(result.status()).isEqualTo(DeliveryResult.Status.REJECTED);
        assertThat(result.message()).contains("403").contains("Invalid token");
    }

    @Test
    void busyUnhealthyAndInternalErrorsAreRetriedHonouringRetryAfter() {
        hec.script(503, "{\"text\":\"Server is busy\",\"code\":9}", "30");
        hec.script(503, "{\"text\":\"HEC is unhealthy, queues are full\",\"code\":18}", null);
        hec.script(500, "{\"text\":\"Internal server error\",\"code\":8}", null);
        hec.script(429, "Too many requests", "7");

        DeliveryResult busy = plugin.deliver(context(), logs(2));
        DeliveryResult unhealthy = plugin.deliver(context(), logs(2));
        DeliveryResult internal = plugin.deliver(context(), logs(2));
        DeliveryResult throttled = plugin.deliver(context(), logs(2));

        assertThat(List.of(busy, unhealthy, internal, throttled)).extracting(DeliveryResult::status)
                .containsOnly(DeliveryResult.Status.RETRY);
        assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(busy.message()).contains("Server is busy");
        assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(hec.indexed).isEmpty();
    }

    @Test
    void tooLargeAndBadRequestsAreRejected() {
        hec.script(413, "{\"text\":\"Content too large\",\"code\":6}", null);
        hec.script(400, "{\"text\":\"Event field cannot be blank\",\"code\":13}", null);

        assertThat(plugin.deliver(context(), logs(2)).status()).isEqualTo(DeliveryResult.Status.REJECTED);
        assertThat(plugin.deliver(context(), logs(2)).status()).isEqualTo(DeliveryResult.Status.REJECTED);
    }

    @Test
    void anUnreachableCollectorIsRetried() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        DeliveryResult result = plugin.deliver(context("url", "http://127.0.0.1:" + port), logs(2));

        assertThat(result.status()).isEqualTo(DeliveryResult.Status.RETRY);
        assertThat(result.message()).contains("unreachable");
    }

    @Test
    void withAcknowledgementABatchIsDeliveredOnlyOnceTheIndexersConfirmIt() {
        hec.ackEnabled = true;
        hec.pollsBeforeAck = 2;

        DeliveryResult result = plugin.deliver(context("use_ack", true, "max_request_bytes", 10_000), logs(100));

        assertThat(result.status()).as(result.message()).isEqualTo(DeliveryResult.Status.DELIVERED);
        assertThat(hec.indexed).hasSize(100);
        assertThat(hec.requestHeaders).allSatisfy(h -> assertThat(h).containsKey("x-splunk-request-channel"));
    }

    @Test
    void unacknowledgedEventsAreRetried() {
        hec.ackEnabled = true;
        hec.neverAck = true;

        DeliveryResult result = plugin.deliver(context("use_ack", true, "ack_timeout_seconds", 1), logs(3));

        assertThat(result.status()).isEqualTo(DeliveryResult.Status.RETRY);
        assertThat(result.message()).contains("did not acknowledge ackId 0");
    }

    @Test
    void validationMakesAnAuthenticatedNoOpCallAndNamesTheFieldToFix() throws Exception {
        ValidationResult good = plugin.validate(context());
        ValidationResult badToken = plugin.validate(context("token", "wrong"));
        ValidationResult wrongPath = plugin.validate(context("url", hec.url() + "/nothing-here/x"));
        ValidationResult notAUrl = plugin.validate(context("url", "splunk:8088"));
        ValidationResult ackOff = plugin.validate(context("use_ack", true));
        hec.ackEnabled = true;
        ValidationResult ackOn = plugin.validate(context("use_ack", true));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ValidationResult unreachable = plugin.validate(context("url", "http://127.0.0.1:" + port));

        assertThat(good.isValid()).as(good.toString()).isTrue();
        assertThat(badToken.fieldErrors()).containsOnlyKeys("token");
        assertThat(wrongPath.fieldErrors()).containsOnlyKeys("url");
        assertThat(notAUrl.fieldErrors()).containsOnlyKeys("url");
        assertThat(ackOff.fieldErrors()).containsOnlyKeys("use_ack");
        assertThat(ackOn.isValid()).as(ackOn.toString()).isTrue();
        assertThat(unreachable.fieldErrors()).containsOnlyKeys("url");
    }

    @Test
    void anEndpointUrlPastedInFullStillWorks() {
        DeliveryResult result = plugin.deliver(context("url", hec.url() + "/services/collector/event"), logs(1));

        assertThat(result.status()).isEqualTo(DeliveryResult.Status.DELIVERED);
    }
}
