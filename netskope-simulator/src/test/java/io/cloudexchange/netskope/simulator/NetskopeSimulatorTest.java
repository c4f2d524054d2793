package io.cloudexchange.netskope.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class NetskopeSimulatorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final NetskopeSimulator tenant = NetskopeSimulator.start(SimulatorConfig.defaults().withPageSize(10)
            .withRecordsPerSecond(10).withHistory(Duration.ofMinutes(1)).withVolume(25).withIdleWaitSeconds(7)
            .withRequestsPerSecond(0).withV2Token("audit-only", Set.of("/api/v2/events/dataexport/events/audit")));

    @AfterEach
    void stop() {
        tenant.close();
    }

    @Test
    void nextAcknowledgesAndMovesOnWhileResendRepeatsTheCurrentPage() throws Exception {
        JsonNode first = page("alerts/dlp", "head");
        JsonNode again = page("alerts/dlp", "resend");
        JsonNode second = page("alerts/dlp", "next");
        JsonNode third = page("alerts/dlp", "next");
        JsonNode empty = page("alerts/dlp", "next");

        assertThat(again).isEqualTo(first);
        assertThat(first.get("result")).hasSize(10);
        assertThat(second.get("result").get(0).get("_id").asString()).endsWith("000a");
        assertThat(first.get("wait_time").asInt()).isZero();
        assertThat(third.get("result")).hasSize(5);
        assertThat(third.get("wait_time").asInt()).isEqualTo(7);
        assertThat(empty.get("result")).isEmpty();
    }

    @Test
    void anEpochStartsAtThatTimeAndTailSkipsToTheEnd() throws Exception {
        long epoch = page("events/page", "head").get("result").get(3).get("timestamp").asLong();

        JsonNode fromEpoch = page("events/page", Long.toString(epoch));
        JsonNode tail = page("events/page", "tail");

        assertThat(fromEpoch.get("result").get(0).get("timestamp").asLong()).isEqualTo(epoch);
        assertThat(tail.get("result")).isEmpty();
        assertThat(page("events/page", "next").get("result")).isEmpty();
    }

    @Test
    void recordsAreReproducibleFromTheSeedAndHaveNetskopeFields() throws Exception {
        JsonNode record = page("alerts/malware", "head").get("result").get(0);

        assertThat(record.toString()).isEqualTo(JSON.readTree(tenant.dataExport().recordJson(
                io.cloudexchange.netskope.simulator.dataexport.DataType.MALWARE, 0)).toString());
        for (String field : new String[] {"_id", "timestamp", "type", "alert_type", "alert_name", "user", "app",
                "appcategory", "srcip", "dstip", "url", "md5", "sha256", "severity", "policy", "action"}) {
            assertThat(record.has(field)).as(field).isTrue();
        }
    }

    @Test
    void tokensAndScopesAreChecked() throws Exception {
        assertThat(status("events/page", "head", "unknown")).isEqualTo(401);
        assertThat(status("events/page", "head", "audit-only")).isEqualTo(403);
        assertThat(status("events/audit", "head", "audit-only")).isEqualTo(200);
        tenant.tokens().expire("audit-only");
        assertThat(status("events/audit", "head", "audit-only")).isEqualTo(401);
    }

    @Test
    void injectedFaultsHitTheNextRequests() throws Exception {
        page("alerts/dlp", "head");
        tenant.faults().serverErrors(1).tooManyRequests(1, 3);
        HttpResponse<byte[]> tooMany = send("alerts/dlp", "head", SimulatorConfig.DEFAULT_V2_TOKEN);
        assertThat(tooMany.statusCode()).isEqualTo(429);
        assertThat(tooMany.headers().firstValue("Retry-After")).contains("3");
        assertThat(status("alerts/dlp", "head", SimulatorConfig.DEFAULT_V2_TOKEN)).isEqualTo(500);

        tenant.faults().truncatedBodies(1);
        byte[] truncated = send("alerts/dlp", "next", SimulatorConfig.DEFAULT_V2_TOKEN).body();
        assertThatThrownBy(() -> gunzip(truncated)).isInstanceOf(IOException.class);
        assertThat(tenant.dataExport().iterator("test", io.cloudexchange.netskope.simulator.dataexport.DataType.DLP))
                .hasValueSatisfying(iterator -> assertThat(iterator.pageFrom()).as("moved on before truncating").isEqualTo(10));
    }

    @Test
    void theRateLimitAnswers429WithHeaders() {
        try (NetskopeSimulator limited = NetskopeSimulator.start(SimulatorConfig.defaults().withRequestsPerSecond(2))) {
            int refused = 0;
            for (int i = 0; i < 5; i++) {
                refused += sendTo(limited, "alerts/dlp", "tail").statusCode() == 429 ? 1 : 0;
            }
            assertThat(refused).isBetween(1, 3);
            assertThat(sendTo(limited, "alerts/dlp", "tail").headers().firstValue("ratelimit-limit")).contains("2");
        }
    }

    @Test
    void theCommandLineIsParsedWithClearErrors() {
        SimulatorConfig config = SimulatorMain.parse(new String[] {"--port", "0", "--rate", "2.5", "--history", "7d",
                "--page-size", "500", "--token", "t"});

        assertThat(config.recordsPerSecond()).isEqualTo(2.5);
        assertThat(config.history()).isEqualTo(Duration.ofDays(7));
        assertThat(config.v2Tokens()).containsOnlyKeys("t");
        assertThat(SimulatorMain.parse(new String[] {"--help"})).isNull();
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--history", "7 days"}))
                .hasMessageContaining("--history needs a number and a unit");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--page-size", "20000"}))
                .hasMessageContaining("page size must be between 1 and 10000");
    }

    private JsonNode page(String type, String operation) throws Exception {
        HttpResponse<byte[]> response = send(type, operation, SimulatorConfig.DEFAULT_V2_TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(gunzip(response.body()));
    }

    private int status(String type, String operation, String token) throws Exception {
        return send(type, operation, token).statusCode();
    }

    private HttpResponse<byte[]> send(String type, String operation, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(tenant.baseUrl() + "/api/v2/events/dataexport/" + type
                        + "?index=test&operation=" + operation)).header("Netskope-Api-Token", token)
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> sendTo(NetskopeSimulator target, String type, String operation) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(target.baseUrl() + "/api/v2/events/dataexport/" + type
                            + "?index=test&operation=" + operation))
                    .header("Netskope-Api-Token", SimulatorConfig.DEFAULT_V2_TOKEN).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
