package io.cloudexchange.gateway.security;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import io.cloudexchange.gateway.support.FakeCore;
import io.cloudexchange.gateway.support.GatewayClient;
import io.cloudexchange.gateway.support.GatewayTestSupport;
import io.cloudexchange.gateway.support.StandaloneGateway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Logout, CSRF, session idle timeout and what the login tells core about the browser. */
class SessionSecurityTests extends GatewayTestSupport {

    private GatewayClient loggedIn() throws Exception {
        core.passwordAlreadyChanged();
        GatewayClient browser = newClient();
        browser.logIn(FakeCore.USERNAME, FakeCore.INITIAL_PASSWORD);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        return browser;
    }

    @Test
    void logoutInvalidatesTheSessionOnTheServer() throws Exception {
        GatewayClient browser = loggedIn();
        String sessionBeforeLogout = browser.sessionCookie();
        String csrf = browser.csrfTokenFrom("/");

        HttpResponse<String> logout = browser.postForm("/logout", "_csrf", csrf);

        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?logout"));
        HttpResponse<String> replayed = newClient().send(newClient().request("/")
                .header("Cookie", "CE_SESSION=" + sessionBeforeLogout).GET());
        assertThat(replayed.statusCode()).isEqualTo(302);
        assertThat(replayed.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() throws Exception {
        GatewayClient browser = loggedIn();

        HttpResponse<String> forged = browser.postForm("/settings/tenants/t1/delete");
        HttpResponse<String> forgedLogout = browser.postForm("/logout");
        HttpResponse<String> forgedApiCall = browser.send(browser.request("/api/echo")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forgedLogout.statusCode()).isEqualTo(403);
        assertThat(forgedApiCall.statusCode()).as("an API call riding on the session cookie").isEqualTo(403);
        assertThat(core.requests()).noneMatch(request -> request.method().equals("DELETE"))
                .noneMatch(request -> request.path().equals("/api/echo"));
        assertThat(browser.get("/").statusCode()).as("still logged in").isEqualTo(200);
    }

    @Test
    void theLoginTellsCoreTheBrowsersAddress() throws Exception {
        loggedIn();

        assertThat(core.lastRequestTo("POST", "/api/auth/login").header("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(core.lastRequestTo("GET", "/api/me").header("X-Forwarded-For")).isEqualTo("127.0.0.1");
    }

    @Test
    void aThrottledAddressIsToldSo() throws Exception {
        core.answer("POST /api/auth/login", 429, """
                {"type":"about:blank","title":"Too many sign-in attempts","status":429,
                 "detail":"Too many failed sign-ins from this address; try again in 15 minutes"}""");
        GatewayClient browser = newClient();

        HttpResponse<String> login = browser.logIn(FakeCore.USERNAME, FakeCore.INITIAL_PASSWORD);

        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?throttled"));
        assertThat(browser.get("/login?throttled").body()).contains("Too many failed sign-ins from your address");
    }

    @Test
    void anIdleSessionEnds() throws Exception {
        Path data = Files.createTempDirectory("gateway-timeout");
        try (FakeCore timeoutCore = FakeCore.start();
                StandaloneGateway gateway = StandaloneGateway.start(data, timeoutCore.url(),
                        "--server.servlet.session.timeout=2s")) {
            timeoutCore.passwordAlreadyChanged();
            GatewayClient browser = gateway.newClient();
            browser.logIn(FakeCore.USERNAME, FakeCore.INITIAL_PASSWORD);
            assertThat(browser.get("/").statusCode()).isEqualTo(200);

            Thread.sleep(3_500);

            HttpResponse<String> afterIdle = browser.get("/");
            assertThat(afterIdle.statusCode()).isEqualTo(302);
            assertThat(afterIdle.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).contains("/login"));
        }
    }
}
