package io.cloudexchange.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cloudexchange.architecture.Scripts.Result;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user does, on the packaged jars: {@code ./setup} prints the initial login, {@code ./start}
 * brings the core (embedded MongoDB-wire server and AMQP broker) and the HTTPS gateway up, the login page
 * answers, the initial password logs in through the gateway's API proxy, and {@code ./stop} ends both
 * processes. Runs in the reactor after core-service and ui-gateway were packaged; free ports and a temporary
 * data folder keep it apart from an instance a developer may be running.
 */
class PackagedPlatformSmokeTest {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    @TempDir
    Path temp;

    private Path root;
    private Path data;

    @BeforeEach
    void requirePackagedJars() {
        root = DockerComposeFileTest.projectRoot();
        data = temp.resolve("data");
        assumeTrue(Scripts.onPath("bash") && Scripts.onPath("openssl"), "bash or openssl missing: platform smoke test not run");
        assumeTrue(Files.exists(root.resolve("core-service/target/core-service.jar"))
                        && Files.exists(root.resolve("ui-gateway/target/ui-gateway.jar")),
                "core-service and ui-gateway jars are not packaged yet (run ./mvnw verify from the root): smoke test not run");
    }

    @AfterEach
    void stop() throws Exception {
        Result stopped = Scripts.run(root, List.of("./stop", "--data-dir", data.toString()), Map.of(), Duration.ofMinutes(2));
        assertThat(stopped.exitCode()).as(stopped.output()).isZero();
        assertThat(data.resolve("run/core.pid")).doesNotExist();
        assertThat(data.resolve("run/ui.pid")).doesNotExist();
    }

    @Test
    void setupStartLoginAndStopOnThePackagedPlatform() throws Exception {
        int uiPort = freePort();
        Path config = temp.resolve("cloudexchange.config");
        Files.writeString(config, String.join("\n",
                "UI_PORT=" + uiPort, "CORE_PORT=" + freePort(),
                "EMBEDDED_MONGO_PORT=" + freePort(), "EMBEDDED_AMQP_PORT=" + freePort(),
                "JAVA_OPTS_CORE=-Xmx512m", "JAVA_OPTS_UI=-Xmx192m") + "\n");

        Result setup = Scripts.run(root, List.of("./setup", "--non-interactive", "--data-dir", data.toString(),
                "--config", config.toString()), Map.of(), Duration.ofMinutes(3));
        assertThat(setup.exitCode()).as(setup.output()).isZero();
        Matcher password = Pattern.compile("password: (\\S+)").matcher(setup.output());
        assertThat(password.find()).as("setup prints the initial login:\n" + setup.output()).isTrue();

        Result start = Scripts.run(root, List.of("./start", "--no-build", "--data-dir", data.toString()),
                Map.of(), START_TIMEOUT);
        assertThat(start.exitCode()).as(start.output()).isZero();
        assertThat(start.output()).contains("https://localhost:" + uiPort + "/");

        HttpClient https = HttpClient.newBuilder().sslContext(trustingSelfSignedCertificate()).build();
        HttpResponse<String> loginPage = https.send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + uiPort + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loginPage.statusCode()).isEqualTo(200);
        assertThat(loginPage.body()).contains("type=\"password\"");
        assertThat(loginPage.headers().firstValue("Strict-Transport-Security")).isPresent();

        HttpResponse<String> login = https.send(HttpRequest.newBuilder(
                        URI.create("https://localhost:" + uiPort + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"admin\",\"password\":\"" + password.group(1) + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(login.body()).contains("\"password_change_required\":true");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The gateway's certificate is the self-signed one setup generated for this test. */
    private static SSLContext trustingSelfSignedCertificate() throws Exception {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
        return context;
    }
}
