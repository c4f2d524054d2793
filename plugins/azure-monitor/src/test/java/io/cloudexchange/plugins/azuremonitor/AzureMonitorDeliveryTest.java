package io.cloudexchange.plugins.azuremonitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.plugin.api.cls.DeliveryResult;
import io.cloudexchange.plugin.api.cls.FailedLog;
import io.cloudexchange.plugin.api.cls.LogFormat;
import io.cloudexchange.plugin.api.cls.LogStream;
import io.cloudexchange.plugin.api.cls.MappedLog;
import io.cloudexchange.plugin.api.log.LogType;
import io.cloudexchange.plugin.testkit.TestPluginContext;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AzureMonitorDeliveryTest {

    private final AzureMonitorPlugin plugin = new AzureMonitorPlugin();
    private FakeAzure azure;

    @BeforeEach
    void start() throws Exception {
        azure = new FakeAzure();
    }

    @AfterEach
    void stop() {
        azure.close();
    }

    static Map<String, Object> config(FakeAzure azure) {
        return Map.of("tenant_id", FakeAzure.TENANT, "client_id", FakeAzure.CLIENT, "client_secret", FakeAzure.SECRET,
                "authority_host", azure.url(), "endpoint", azure.url(), "dcr_immutable_id", FakeAzure.DCR,
                "stream_name", FakeAzure.STREAM);
    }

    private TestPluginContext context(Object... keyValues) {
        Map<String, Object> config = new HashMap<>(config(azure));
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put((String) keyValues[i], keyValues[i + 1]);
        }
        return TestPluginContext.builder().defaultsFrom(plugin.configSchema()).config(config).build();
    }

    static List<MappedLog> logs(int count, int padding) {
        List<MappedLog> logs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            logs.add(new MappedLog("id-" + i, new LogStream(LogType.ALERT, "dlp"), LogFormat.JSON,
                    "{\"AlertId\":\"id-" + i + "\",\"Detail\":\"" + "d".repeat(padding) + "\"}"));
        }
        return logs;
    }

    @Test
    void recordsArriveWithTimeGeneratedAndTheTokenIsReused() {
        DeliveryResult first = plugin.deliver(context(), logs(10, 10));
        DeliveryResult second = plugin.deliver(context(), logs(5, 10));

        assertThat(first.status()).as(first.message()).isEqualTo(DeliveryResult.Status.DELIVERED);
        assertThat(second.status()).isEqualTo(DeliveryResult.Status.DELIVERED);
        assertThat(azure.rows).hasSize(15);
        assertThat(azure.rows.get(0)).containsEntry("AlertId", "id-0").containsEntry("TimeGenerated", "2026-01-01T00:00:00Z");
        assertThat(azure.tokenRequests).as("token cached until expiry").isEqualTo(1);
    }

    @Test
    void anExpiringTokenIsRenewed() {
        plugin.deliver(context(), logs(1, 1));
        TestPluginContext later = context().toBuilder()
                .clock(Clock.fixed(TestPluginContext.DEFAULT_NOW.plus(Duration.ofMinutes(56)), ZoneOffset.UTC)).build();

        DeliveryResult result = plugin.deliver(later, logs(1, 1));

        assertThat(result.status()).isEqualTo(DeliveryResult.Status.DELIVERED);
        assertThat(azure.tokenRequests).isEqualTo(2);
    }

    @Test
    void aRevokedTokenIsReplacedOnce() {
        plugin.deliver(context(), logs(1, 1));
        azure.validTokens.clear();

        DeliveryResult result = plugin.deliver(context(), logs(3, 1));

        assertThat(result.status()).as(result.message()).isEqualTo(DeliveryResult.Status.DELIVERED);
        assertThat(azure.tokenRequests).isEqualTo(2);
        assertThat(azure.rows).hasSize(4);
    }

    @Test
    void batchesAreSplitIntoCallsOfAtMostOneMegabyte() {
        DeliveryResult result = plugin.deliver(context(), logs(3_000, 1_000));

        assertThat(result.status()).as(result.message()).isEqualTo(DeliveryResult.Status.DELIVERED);
        assertThat(azure.rows).hasSize(3_000);
        assertThat(azure.ingestionCalls).isGreaterThanOrEqualTo(3);
        assertThat(azure.largestBody).isLessThanOrEqualTo(FakeAzure.MAX_BYTES);
    }

    @Test
    void aRecordAboveTheLimitAndANonObjectFailAloneForGood() {
        List<MappedLog> logs = new ArrayList<>(logs(3, 10));
        logs.add(new MappedLog("huge", new LogStream(LogType.ALERT, "dlp"), LogFormat.JSON,
                "{\"Detail\":\"" + "x".repeat(1_100_000) + "\"}"));
        logs.add(new MappedLog("array", new LogStream(LogType.ALERT, "dlp"), LogFormat.JSON, "[1]"));

        DeliveryResult result = plugin.deliver(context(), logs);

        assertThat(result.status()).isEqualTo(DeliveryResult.Status.PARTIAL);
        assertThat(result.failed()).extracting(FailedLog::id).containsExactlyInAnyOrder("huge", "array");
        assertThat(result.failed()).extracting(FailedLog::retryable).containsOnly(false);
        assertThat(azure.rows).hasSize(3);
    }

    @Test
    void throttlingAndOutagesAreRetriedHonouringRetryAfter() {
        azure.script(429, "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}", "17");
        azure.script(503, "{\"error\":{\"code\":\"ServiceUnavailable\",\"message\":\"later\"}}", "40");
        azure.script(500, "{\"error\":{\"code\":\"InternalServerError\",\"message\":\"oops\"}}", null);

        DeliveryResult throttled = plugin.deliver(context(), logs(2, 1));
        DeliveryResult unavailable = plugin.deliver(context(), logs(2, 1));
        DeliveryResult failing = plugin.deliver(context(), logs(2, 1));

        assertThat(throttled.status()).isEqualTo(DeliveryResult.Status.RETRY);
        assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(17));
        assertThat(throttled.message()).contains("TooManyRequests");
        assertThat(unavailable.status()).isEqualTo(DeliveryResult.Status.RETRY);
        assertThat(unavailable.retryAfter()).isEqualTo(Duration.ofSeconds(40));
        assertThat(failing.status()).isEqualTo(DeliveryResult.Status.RETRY);
    }

    @Test
    void refusalsAreRejected() {
        azure.script(400, "{\"error\":{\"code\":\"InvalidPayload\",\"message\":\"bad\"}}", null);
        DeliveryResult bad = plugin.deliver(context(), logs(2, 1));
        DeliveryResult unknownRule = plugin.deliver(context("dcr_immutable_id", "dcr-ffffffffffffffffffffffffffffffff"), logs(2, 1));
        azure.appHasRole = false;
        DeliveryResult noRole = plugin.deliver(context(), logs(2, 1));
        DeliveryResult wrongSecret = plugin.deliver(context("client_secret", "nope"), logs(2, 1));

        assertThat(List.of(bad, unknownRule, noRole, wrongSecret)).extracting(DeliveryResult::status)
                .containsOnly(DeliveryResult.Status.REJECTED);
        assertThat(noRole.message()).contains("403");
        assertThat(wrongSecret.message()).contains("AADSTS7000215");
    }

    @Test
    void anUnreachableTokenEndpointOrEndpointIsRetried() throws Exception {
        String closed = "http://127.0.0.1:" + closedPort();

        assertThat(plugin.deliver(context("authority_host", closed), logs(1, 1)).status()).isEqualTo(DeliveryResult.Status.RETRY);
        assertThat(plugin.deliver(context("endpoint", closed), logs(1, 1)).status()).isEqualTo(DeliveryResult.Status.RETRY);
    }

    @Test
    void validationGetsATokenAndPostsAnEmptyArrayNamingTheFieldToFix() throws Exception {
        assertThat(plugin.validate(context()).isValid()).isTrue();
        assertThat(plugin.validate(context("tenant_id", "00000000-0000-0000-0000-000000000000")).fieldErrors()).containsOnlyKeys("tenant_id");
        assertThat(plugin.validate(context("client_id", "other")).fieldErrors()).containsOnlyKeys("client_id");
        assertThat(plugin.validate(context("client_secret", "nope")).fieldErrors()).containsOnlyKeys("client_secret");
        assertThat(plugin.validate(context("dcr_immutable_id", "my-rule")).fieldErrors()).containsOnlyKeys("dcr_immutable_id");
        assertThat(plugin.validate(context("dcr_immutable_id", "dcr-ffffffffffffffffffffffffffffffff")).fieldErrors())
                .containsOnlyKeys("dcr_immutable_id");
        assertThat(plugin.validate(context("stream_name", "NetskopeAlerts")).fieldErrors()).containsOnlyKeys("stream_name");
        assertThat(plugin.validate(context("endpoint", "http://127.0.0.1:" + closedPort())).fieldErrors()).containsOnlyKeys("endpoint");
        azure.appHasRole = false;
        assertThat(plugin.validate(context()).fieldErrors().get("dcr_immutable_id")).contains("Monitoring Metrics Publisher");
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
