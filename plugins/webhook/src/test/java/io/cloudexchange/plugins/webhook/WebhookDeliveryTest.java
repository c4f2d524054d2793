package io.cloudexchange.plugins.webhook;

import io.cloudexchange.plugin.api.json.Json;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.plugin.api.cls.DeliveryResult;
import io.cloudexchange.plugin.api.cls.FailedLog;
import io.cloudexchange.plugin.api.cls.LogFormat;
import io.cloudexchange.plugin.api.cls.LogStream;
import io.cloudexchange.plugin.api.cls.MappedLog;
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

class WebhookDeliveryTest {

    private final WebhookPlugin plugin = new WebhookPlugin();
    private FakeWebhook webhook;

    @BeforeEach
    void start() throws Exception {
        webhook = new FakeWebhook();
    }

    @AfterEach
    void stop() {
        webhook.close();
    }

    private TestPluginContext context(Object... keyValues) {
        Map<String, Object> config = new HashMap<>(Map.of("url", webhook.url(), "auth_header_name", "X-Api-Key",
                "auth_header_value", FakeWebhook.SECRET));
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put((String) keyValues[i], keyValues[i + 1]);
        }
        return TestPluginContext.builder().defaultsFrom(plugin.configSchema()).config(config).build();
    }

    static List<MappedLog> logs(int count) {
        List<MappedLog> logs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            logs.add(i % 2 == 0
                    ? new MappedLog("id-" + i, new LogStream(LogType.EVENT, "page"), LogFormat.JSON,
                            "{\"id\":\"id-" + i + "\",\"url\":\"https://example.com/?q=\\\"x\\\"\"}")
                    : new MappedLog("id-" + i, new LogStream(LogType.ALERT, "dlp"), LogFormat.CEF,
                            "CEF:0|Netskope|CE|1.0|dlp|Alert|5|msg=line\\nnext id=id-" + i));
        }
        return logs;
    }

    private List<String> receivedIds() {
        return webhook.received.stream().map(r -> r instanceof String s ? s.substring(s.indexOf("id=") + 3)
                : (String) Json.object(r).get("id")).toList();
    }

    private static List<String> ids(List<MappedLog> logs) {
        return logs.stream().map(MappedLog::id).toList();
    }

    @Test
    void ndjsonCarriesJsonRecordsAsObjectsAndCefAsStrings() {
        List<MappedLog> logs = logs(10);

        DeliveryResult result = plugin.deliver(context(), logs);

        assertThat(result.status()).as(result.message()).isEqualTo(DeliveryResult.Status.DELIVERED);
        assertThat(receivedIds()).containsExactlyElementsOf(ids(logs));
        assertThat(Json.object(webhook.received.get(0))).containsEntry("url", "https://example.com/?q=\"x\"");
        assertThat(webhook.received.get(1)).isEqualTo("CEF:0|Netskope|CE|1.0|dlp|Alert|5|msg=line\\nnext id=id-1");
    }

    @Test
    void aGzippedJsonArrayArrivesWhole() {
        List<MappedLog> logs = logs(50);

        DeliveryResult result = plugin.deliver(context("body_format", "JSON_ARRAY", "gzip", true), logs);

        assertThat(result.status()).as(result.message()).isEqualTo(DeliveryResult.Status.DELIVERED);
        assertThat(receivedIds()).containsExactlyElementsOf(ids(logs));
        assertThat(webhook.contentEncodings).containsOnly("gzip");
    }

    @Test
    void batchesAreSplitAtTheByteLimitAndHalvedOnA413() {
        List<MappedLog> logs = logs(200);
        webhook.maxBodyBytes = 3_000;

        DeliveryResult bySetting = plugin.deliver(context("max_batch_bytes", 3_000), logs);
        List<String> first = List.copyOf(receivedIds());
        webhook.received.clear();
        DeliveryResult byServer = plugin.deliver(context(), logs);

        assertThat(bySetting.status()).as(bySetting.message()).isEqualTo(DeliveryResult.Status.DELIVERED);
        assertThat(first).containsExactlyElementsOf(ids(logs));
        assertThat(byServer.status()).as(byServer.message()).isEqualTo(DeliveryResult.Status.DELIVERED);
        assertThat(receivedIds()).containsExactlyElementsOf(ids(logs));
    }

    @Test
    void aRecordThatNeverFitsFailsAloneForGood() {
        List<MappedLog> logs = new ArrayList<>(logs(4));
        logs.add(new MappedLog("huge", new LogStream(LogType.EVENT, "page"), LogFormat.JSON,
                "{\"blob\":\"" + "x".repeat(5_000) + "\"}"));
        webhook.maxBodyBytes = 2_000;

        DeliveryResult tooBigForServer = plugin.deliver(context(), logs);
        DeliveryResult tooBigForSetting = plugin.deliver(context("max_batch_bytes", 2_000), logs);

        for (DeliveryResult result : List.of(tooBigForServer, tooBigForSetting)) {
            assertThat(result.status()).isEqualTo(DeliveryResult.Status.PARTIAL);
            assertThat(result.failed()).extracting(FailedLog::id).containsExactly("huge");
            assertThat(result.failed()).extracting(FailedLog::retryable).containsExactly(false);
        }
    }

    @Test
    void throttlingAndServerErrorsAreRetriedAndRefusalsRejected() {
        webhook.script(429, "12");
        webhook.script(503, "Wed, 21 Oct 2099 07:28:00 GMT");
        webhook.script(500, null);
        webhook.script(400, null);
        webhook.script(422, null);

        DeliveryResult throttled = plugin.deliver(context(), logs(2));
        DeliveryResult unavailable = plugin.deliver(context(), logs(2));
        DeliveryResult failing = plugin.deliver(context(), logs(2));
        DeliveryResult bad = plugin.deliver(context(), logs(2));
        DeliveryResult unprocessable = plugin.deliver(context(), logs(2));
        DeliveryResult unauthorized = plugin.deliver(context("auth_header_value", "wrong"), logs(2));

        assertThat(throttled.status()).isEqualTo(DeliveryResult.Status.RETRY);
        assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(12));
        assertThat(unavailable.status()).isEqualTo(DeliveryResult.Status.RETRY);
        assertThat(unavailable.retryAfter()).isPositive();
        assertThat(failing.status()).isEqualTo(DeliveryResult.Status.RETRY);
        assertThat(List.of(bad, unprocessable, unauthorized)).extracting(DeliveryResult::status)
                .containsOnly(DeliveryResult.Status.REJECTED);
        assertThat(unauthorized.message()).contains("401");
        assertThat(webhook.received).isEmpty();
    }

    @Test
    void anUnreachableWebhookIsRetried() throws Exception {
        DeliveryResult result = plugin.deliver(context("url", "http://127.0.0.1:" + closedPort() + "/x"), logs(1));

        assertThat(result.status()).isEqualTo(DeliveryResult.Status.RETRY);
    }

    @Test
    void validationPostsAnEmptyBatchAndNamesTheFieldToFix() throws Exception {
        assertThat(plugin.validate(context()).isValid()).isTrue();
        assertThat(plugin.validate(context("auth_header_value", "wrong")).fieldErrors()).containsOnlyKeys("auth_header_value");
        assertThat(plugin.validate(context("url", webhook.url().replace("/ingest", "/missing"))).fieldErrors()).containsOnlyKeys("url");
        assertThat(plugin.validate(context("url", "ftp://x")).fieldErrors()).containsOnlyKeys("url");
        assertThat(plugin.validate(context("url", "http://127.0.0.1:" + closedPort())).fieldErrors()).containsOnlyKeys("url");
        assertThat(plugin.validate(context("auth_header_name", "Bad Header:")).fieldErrors()).containsOnlyKeys("auth_header_name");
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
