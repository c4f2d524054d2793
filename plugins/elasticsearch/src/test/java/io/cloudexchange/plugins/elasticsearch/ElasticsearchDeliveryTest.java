package io.cloudexchange.plugins.elasticsearch;

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

class ElasticsearchDeliveryTest {

    private final ElasticsearchPlugin plugin = new ElasticsearchPlugin();
    private FakeElasticsearch cluster;

    @BeforeEach
    void start() throws Exception {
        cluster = new FakeElasticsearch();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private TestPluginContext context(Object... keyValues) {
        Map<String, Object> config = new HashMap<>(Map.of("url", cluster.url(), "index", "netskope",
                "username", FakeElasticsearch.USER, "password", FakeElasticsearch.PASSWORD));
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put((String) keyValues[i], keyValues[i + 1]);
        }
        return TestPluginContext.builder().defaultsFrom(plugin.configSchema()).config(config).build();
    }

    static List<MappedLog> logs(int count) {
        List<MappedLog> logs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            logs.add(new MappedLog("id-" + i, new LogStream(LogType.EVENT, "page"), LogFormat.JSON,
                    "{\"user\":\"u" + i + "@example.com\",\n \"bytes\":" + i + "}"));
        }
        return logs;
    }

    private static MappedLog log(String id, String json) {
        return new MappedLog(id, new LogStream(LogType.EVENT, "page"), LogFormat.JSON, json);
    }

    @Test
    void everyRecordIsCreatedUnderItsOwnIdWithATimestamp() {
        List<MappedLog> logs = new ArrayList<>(logs(10));
        logs.add(log("stamped", "{\"@timestamp\":\"2025-01-01T00:00:00Z\",\"bytes\":1}"));
        logs.add(new MappedLog("cef", new LogStream(LogType.ALERT, "dlp"), LogFormat.CEF, "CEF:0|Netskope|CE|1.0|dlp|A|5|x=y"));

        DeliveryResult result = plugin.deliver(context("pipeline", "netskope-ingest"), logs);

        assertThat(result.status()).as(result.message()).isEqualTo(DeliveryResult.Status.DELIVERED);
        Map<String, Map<String, Object>> docs = cluster.index("netskope");
        assertThat(docs).containsOnlyKeys(logs.stream().map(MappedLog::id).toArray(String[]::new));
        assertThat(docs.get("id-3")).containsEntry("user", "u3@example.com").containsEntry("bytes", 3L)
                .containsEntry("@timestamp", "2026-01-01T00:00:00Z");
        assertThat(docs.get("stamped")).containsEntry("@timestamp", "2025-01-01T00:00:00Z");
        assertThat(docs.get("cef")).containsEntry("message", "CEF:0|Netskope|CE|1.0|dlp|A|5|x=y");
        assertThat(cluster.lastQuery).isEqualTo("pipeline=netskope-ingest");
    }

    @Test
    void aReplayedBatchIsNotIndexedTwice() {
        List<MappedLog> logs = logs(20);

        plugin.deliver(context(), logs.subList(0, 12));
        DeliveryResult replay = plugin.deliver(context(), logs);

        assertThat(replay.status()).as(replay.message()).isEqualTo(DeliveryResult.Status.DELIVERED);
        assertThat(cluster.index("netskope")).hasSize(20);
    }

    @Test
    void onlyTheFailedItemsAreReportedRetryableOrNot() {
        List<MappedLog> logs = new ArrayList<>(logs(6));
        logs.add(log("bad-mapping", "{\"bytes\":\"lots\"}"));
        logs.add(log("not-an-object", "[1,2]"));
        cluster.rejectOnce.add("id-2");

        DeliveryResult result = plugin.deliver(context(), logs);

        assertThat(result.status()).isEqualTo(DeliveryResult.Status.PARTIAL);
        assertThat(result.failed()).extracting(FailedLog::id, FailedLog::retryable).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("id-2", true),
                org.assertj.core.groups.Tuple.tuple("bad-mapping", false),
                org.assertj.core.groups.Tuple.tuple("not-an-object", false));
        assertThat(result.failed().stream().filter(f -> f.id().equals("bad-mapping")).findFirst().orElseThrow().reason())
                .contains("document_parsing_exception").contains("[bytes]");
        assertThat(cluster.index("netskope")).hasSize(5);
        DeliveryResult retry = plugin.deliver(context(), List.of(logs.get(2)));
        assertThat(retry.status()).isEqualTo(DeliveryResult.Status.DELIVERED);
    }

    @Test
    void aDataStreamGetsTheTimestampItRequires() {
        DeliveryResult withStamp = plugin.deliver(context("index", "logs-netskope-default"), logs(3));
        DeliveryResult without = plugin.deliver(context("index", "logs-other-default", "add_timestamp", false), logs(3));

        assertThat(withStamp.status()).isEqualTo(DeliveryResult.Status.DELIVERED);
        assertThat(without.status()).isEqualTo(DeliveryResult.Status.REJECTED);
        assertThat(without.message()).contains("@timestamp");
    }

    @Test
    void requestLevelFailuresMapToRetryOrReject() {
        cluster.script(429, "{\"error\":{\"type\":\"es_rejected_execution_exception\"},\"status\":429}", "5");
        cluster.script(503, "{\"error\":{\"type\":\"cluster_block_exception\"},\"status\":503}", null);
        cluster.script(400, "{\"error\":{\"type\":\"illegal_argument_exception\"},\"status\":400}", null);

        DeliveryResult throttled = plugin.deliver(context(), logs(2));
        DeliveryResult unavailable = plugin.deliver(context(), logs(2));
        DeliveryResult bad = plugin.deliver(context(), logs(2));
        DeliveryResult unauthorized = plugin.deliver(context("password", "wrong"), logs(2));

        assertThat(throttled.status()).isEqualTo(DeliveryResult.Status.RETRY);
        assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(unavailable.status()).isEqualTo(DeliveryResult.Status.RETRY);
        assertThat(bad.status()).isEqualTo(DeliveryResult.Status.REJECTED);
        assertThat(unauthorized.status()).isEqualTo(DeliveryResult.Status.REJECTED);
        assertThat(unauthorized.message()).contains("401").contains("security_exception");
    }

    @Test
    void tooLargeRequestsAreSplit() {
        cluster.maxContentLength = 2_000;

        DeliveryResult bySetting = plugin.deliver(context("max_request_bytes", 10_000), logs(200));
        DeliveryResult byServer = plugin.deliver(context("index", "other"), logs(100));

        assertThat(bySetting.status()).isEqualTo(DeliveryResult.Status.DELIVERED);
        assertThat(byServer.status()).as(byServer.message()).isEqualTo(DeliveryResult.Status.DELIVERED);
        assertThat(cluster.index("netskope")).hasSize(200);
        assertThat(cluster.index("other")).hasSize(100);
    }

    @Test
    void apiKeysWorkAndAnUnreachableClusterIsRetried() throws Exception {
        DeliveryResult withKey = plugin.deliver(context("auth", "API_KEY", "api_key", FakeElasticsearch.API_KEY), logs(2));
        DeliveryResult unreachable = plugin.deliver(context("url", "http://127.0.0.1:" + closedPort()), logs(2));

        assertThat(withKey.status()).isEqualTo(DeliveryResult.Status.DELIVERED);
        assertThat(unreachable.status()).isEqualTo(DeliveryResult.Status.RETRY);
    }

    @Test
    void validationCallsTheClusterAndNamesTheFieldToFix() throws Exception {
        assertThat(plugin.validate(context()).isValid()).isTrue();
        assertThat(plugin.validate(context("password", "wrong")).fieldErrors()).containsOnlyKeys("password");
        assertThat(plugin.validate(context("auth", "API_KEY", "api_key", "bm9wZQ==")).fieldErrors()).containsOnlyKeys("api_key");
        assertThat(plugin.validate(context("auth", "API_KEY")).fieldErrors()).containsOnlyKeys("api_key");
        assertThat(plugin.validate(context("auth", "NONE")).fieldErrors()).containsOnlyKeys("auth");
        assertThat(plugin.validate(context("index", "Upper Case")).fieldErrors()).containsOnlyKeys("index");
        assertThat(plugin.validate(context("url", "http://127.0.0.1:" + closedPort())).fieldErrors()).containsOnlyKeys("url");
        cluster.rootForbidden = true;
        assertThat(plugin.validate(context()).isValid()).as("a writer-only user may not read cluster info").isTrue();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
