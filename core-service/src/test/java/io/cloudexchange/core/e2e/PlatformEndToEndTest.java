package io.cloudexchange.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudexchange.core.cli.AdminCli;
import io.cloudexchange.core.testsupport.TestBrokers;
import io.cloudexchange.netskope.simulator.NetskopeSimulator;
import io.cloudexchange.netskope.simulator.SimulatorConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform as a user meets it, over real HTTP: the initial admin created by the setup CLI logs in,
 * must change the password, creates an API client, uses its bearer token to configure the bundled sample
 * feed, and the feed's batches travel through the AMQP broker (local RabbitMQ when reachable, else the
 * embedded broker) to the Threat Exchange worker that stores them in MongoDB (embedded MongoDB-wire server).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cloudexchange.scheduler.tick=1s", "server.address=127.0.0.1"})
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformEndToEndTest {

    private static final String NEW_PASSWORD = "a much longer passphrase";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Path dataDir;
    private static String initialPassword;
    private static String apiToken;

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) throws IOException {
        dataDir = Files.createTempDirectory("ce-e2e");
        initialPassword = runSetupCli(dataDir);
        registry.add("cloudexchange.data-dir", dataDir::toString);
        registry.add("cloudexchange.mongodb.uri", () -> "");
        registry.add("cloudexchange.embedded.in-memory", () -> "true");
        registry.add("cloudexchange.embedded.mongo-port", () -> "0");
        registry.add("cloudexchange.embedded.amqp-port", () -> "0");
        registry.add("cloudexchange.rabbitmq.uri", TestBrokers::freshLocalRabbitMqOrEmbedded);
    }

    private static String runSetupCli(Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = AdminCli.run(new String[] {"init-admin", "--data-dir", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(status).isZero();
        Matcher password = Pattern.compile("password: (\\S+)").matcher(out.toString(StandardCharsets.UTF_8));
        assertThat(password.find()).as("the CLI prints the initial password").isTrue();
        return password.group(1);
    }

    @Test
    @Order(0)
    void reportsHealthyOnTheEmbeddedStoresWithoutAToken() {
        HttpResponse<String> health = send("GET", "/actuator/health", null, null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).path("status").asString()).isEqualTo("UP");
    }

    @Test
    @Order(1)
    void everyApiCallNeedsAToken() {
        assertThat(send("GET", "/api/configurations", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/plugins", null, "not-a-token").statusCode()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void theInitialAdminMustChangeThePasswordBeforeAnythingElse() {
        HttpResponse<String> login = login(initialPassword);
        assertThat(login.statusCode()).isEqualTo(200);
        JsonNode body = json(login);
        assertThat(body.path("password_change_required").asBoolean()).isTrue();
        String token = body.path("access_token").asString();

        HttpResponse<String> blocked = send("GET", "/api/plugins", null, token);
        assertThat(blocked.statusCode()).isEqualTo(403);
        assertThat(json(blocked).path("title").asString()).isEqualTo("Password change required");

        HttpResponse<String> changed = send("POST", "/api/auth/password",
                Map.of("currentPassword", initialPassword, "newPassword", NEW_PASSWORD), token);
        assertThat(changed.statusCode()).isEqualTo(204);
        assertThat(login(initialPassword).statusCode()).isEqualTo(401);
        assertThat(json(login(NEW_PASSWORD)).path("password_change_required").asBoolean()).isFalse();
    }

    @Test
    @Order(3)
    void anApiClientObtainsABearerTokenWithClientCredentials() {
        String userToken = json(login(NEW_PASSWORD)).path("access_token").asString();
        JsonNode client = json(send("POST", "/api/auth/clients", Map.of("description", "e2e", "expiresInDays", 1), userToken));

        String form = "grant_type=client_credentials&client_id=" + encode(client.path("clientId").asString())
                + "&client_secret=" + encode(client.path("clientSecret").asString());
        HttpResponse<String> token = http(HttpRequest.newBuilder(uri("/api/auth"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(token.statusCode()).isEqualTo(200);
        apiToken = json(token).path("access_token").asString();
        assertThat(send("GET", "/api/plugins", null, apiToken).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void badConfigurationsAreRejectedFieldByFieldAndNothingIsSaved() {
        HttpResponse<String> unknownPlugin = send("POST", "/api/configurations",
                Map.of("name", "ghost", "pluginId", "no-such-plugin", "pollIntervalSeconds", 60), apiToken);
        assertThat(unknownPlugin.statusCode()).isEqualTo(400);
        assertThat(json(unknownPlugin).path("errors").has("pluginId")).isTrue();

        HttpResponse<String> badParameters = send("POST", "/api/configurations", Map.of(
                "name", "bad feed", "pluginId", "sample-threat-feed", "pollIntervalSeconds", 60,
                "parameters", Map.of("indicators_per_page", 0, "severity", "apocalyptic")), apiToken);
        assertThat(badParameters.statusCode()).isEqualTo(400);
        assertThat(json(badParameters).path("errors").propertyNames())
                .contains("parameters.indicators_per_page", "parameters.severity");

        assertThat(json(send("GET", "/api/configurations", null, apiToken)).size()).isZero();
    }

    @Test
    @Order(5)
    void aSampleFeedConfigurationPullsOnScheduleThroughTheBrokerIntoTheStore() {
        HttpResponse<String> created = send("POST", "/api/configurations", Map.of(
                "name", "demo feed", "pluginId", "sample-threat-feed", "pollIntervalSeconds", 60, "enabled", true,
                "parameters", Map.of("seed", 7, "indicators_per_page", 50, "total", 120,
                        "types", List.of("url", "sha256", "ipv4"))), apiToken);
        assertThat(created.statusCode()).isEqualTo(201);
        String id = json(created).path("id").asString();

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(json(send("GET", "/api/cte/indicators?size=10", null, apiToken)).path("total").asLong())
                        .isEqualTo(120));

        JsonNode configuration = json(send("GET", "/api/configurations/" + id, null, apiToken));
        assertThat(configuration.path("lastRun").path("status").asString()).isEqualTo("SUCCESS");
        JsonNode page = json(send("GET", "/api/cte/indicators?size=5", null, apiToken));
        assertThat(page.path("items")).hasSize(5);
        assertThat(page.path("items").get(0).path("sources").get(0).toString()).contains(id);
    }

    @Test
    @Order(6)
    void aNetskopeLogSourceIsValidatedAgainstTheTenantBeforeItIsSaved() {
        try (NetskopeSimulator tenant = NetskopeSimulator.start(SimulatorConfig.defaults().withRequestsPerSecond(0))) {
            Map<String, Object> configuration = Map.of("name", "netskope", "pluginId", "netskope-logs", "module", "CLS",
                    "pollIntervalSeconds", 600, "enabled", false, "parameters", Map.of(
                            "tenant_url", tenant.baseUrl().toString(), "v2_token", "not-the-token"));
            HttpResponse<String> refused = send("POST", "/api/configurations", configuration, apiToken);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(json(refused).path("errors").path("parameters.v2_token").asString()).contains("401");

            HttpResponse<String> saved = send("POST", "/api/configurations", Map.of("name", "netskope",
                    "pluginId", "netskope-logs", "module", "CLS", "pollIntervalSeconds", 600, "enabled", false,
                    "parameters", Map.of("tenant_url", tenant.baseUrl().toString(),
                            "v2_token", SimulatorConfig.DEFAULT_V2_TOKEN)), apiToken);
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
            assertThat(saved.body()).doesNotContain(SimulatorConfig.DEFAULT_V2_TOKEN);
        }
    }

    private HttpResponse<String> login(String password) {
        return send("POST", "/api/auth/login", Map.of("username", "admin", "password", password), null);
    }

    private HttpResponse<String> send(String method, String path, Object body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http(request.build());
    }

    private HttpResponse<String> http(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
