package io.cloudexchange.gateway.proxy;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import io.cloudexchange.gateway.support.GatewayClient;
import io.cloudexchange.gateway.support.StandaloneGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CoreUnavailableTests {

    @TempDir
    static Path dataDir;

    private static StandaloneGateway gateway;

    @BeforeAll
    static void startGatewayWithoutCore() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        gateway = StandaloneGateway.start(dataDir, "http://127.0.0.1:" + closedPort);
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @Test
    void apiCallsGetBadGatewayProblem() throws Exception {
        HttpResponse<String> response = gateway.newClient().get("/api/settings/modules");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"title\":\"Core service unavailable\"", "\"status\":502");
    }

    @Test
    void loginTellsTheUserToTryAgain() throws Exception {
        GatewayClient browser = gateway.newClient();

        HttpResponse<String> login = browser.logIn("admin", "whatever");

        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?unavailable"));
        assertThat(browser.get("/login?unavailable").body()).contains("Core service unavailable, try again")
                .doesNotContain("Exception");
    }
}
