package io.cloudexchange.gateway.proxy;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import io.cloudexchange.gateway.support.FakeCore;
import io.cloudexchange.gateway.support.FakeCore.RecordedRequest;
import io.cloudexchange.gateway.support.GatewayClient;
import io.cloudexchange.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiProxyTests extends GatewayTestSupport {

    @Test
    void forwardsMethodPathQueryBodyHeadersAndStatus() throws Exception {
        GatewayClient client = newClient();

        HttpResponse<String> response = client.send(client.request("/api/echo/items/a%20b?page=2&q=x%2By")
                .header("Authorization", "Bearer api-client-token")
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-Custom", "kept")
                .method("PATCH", BodyPublishers.ofString("{\"name\":\"value\"}")));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{\"echo\":true}");
        assertThat(response.headers().firstValue("X-Core-Header")).hasValue("from-core");
        assertThat(response.headers().firstValue("Keep-Alive")).as("hop-by-hop header").isEmpty();
        RecordedRequest seen = core.lastRequestTo("/api/echo/items/a%20b");
        assertThat(seen.method()).isEqualTo("PATCH");
        assertThat(seen.query()).isEqualTo("page=2&q=x%2By");
        assertThat(seen.text()).isEqualTo("{\"name\":\"value\"}");
        assertThat(seen.header("Authorization")).isEqualTo("Bearer api-client-token");
        assertThat(seen.header("Content-Type")).isEqualTo("application/json");
        assertThat(seen.header("Accept")).isEqualTo("application/json");
        assertThat(seen.header("X-Custom")).isEqualTo("kept");
        assertThat(seen.header("X-Forwarded-Proto")).isEqualTo("https");
        assertThat(seen.header("X-Forwarded-Host")).isEqualTo("localhost:" + port);
        assertThat(seen.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
    }

    @Test
    void streamsALargeMultipartUpload() throws Exception {
        GatewayClient client = newClient();
        byte[] jar = new byte[5 * 1024 * 1024];
        String boundary = "----boundary";
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.jar\"\r\n"
                + "Content-Type: application/java-archive\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        byte[] body = concat(head.getBytes(), jar, tail.getBytes());

        HttpResponse<String> response = client.send(client.request("/api/echo/plugins")
                .header("Authorization", "Bearer api-client-token")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.ofByteArray(body)));

        assertThat(response.statusCode()).isEqualTo(201);
        RecordedRequest seen = core.lastRequestTo("/api/echo/plugins");
        assertThat(seen.body()).isEqualTo(body);
        assertThat(seen.header("Content-Type")).isEqualTo("multipart/form-data; boundary=" + boundary);
    }

    @Test
    void addsTheSessionTokenToBrowserCalls() throws Exception {
        GatewayClient browser = newClient();
        browser.logIn(FakeCore.USERNAME, FakeCore.INITIAL_PASSWORD);

        HttpResponse<String> response = browser.get("/api/echo/me");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(core.lastRequestTo("/api/echo/me").header("Authorization")).isEqualTo("Bearer token-1");
        assertThat(core.lastRequestTo("/api/echo/me").header("Cookie")).as("the gateway's cookie stays here")
                .isNull();
    }

    @Test
    void keepsAnAuthorizationHeaderTheBrowserSendsItself() throws Exception {
        GatewayClient browser = newClient();
        browser.logIn(FakeCore.USERNAME, FakeCore.INITIAL_PASSWORD);

        browser.send(browser.request("/api/echo/own").header("Authorization", "Bearer own-token").GET());

        assertThat(core.lastRequestTo("/api/echo/own").header("Authorization")).isEqualTo("Bearer own-token");
    }

    @Test
    void refusesCookieAuthenticatedUnsafeCallsWithoutCsrfToken() throws Exception {
        GatewayClient browser = newClient();
        browser.logIn(FakeCore.USERNAME, FakeCore.INITIAL_PASSWORD);

        HttpResponse<String> forged = browser.send(browser.request("/api/echo/tenants")
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{}")));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(core.requests()).noneMatch(request -> request.path().equals("/api/echo/tenants"));

        String csrf = browser.csrfTokenFrom("/change-password");
        HttpResponse<String> genuine = browser.send(browser.request("/api/echo/tenants")
                .header("Content-Type", "application/json").header("X-CSRF-TOKEN", csrf)
                .POST(BodyPublishers.ofString("{}")));

        assertThat(genuine.statusCode()).isEqualTo(201);
        assertThat(core.lastRequestTo("/api/echo/tenants").header("Authorization")).isEqualTo("Bearer token-1");
    }

    @Test
    void needsNoCsrfTokenForCallsWithTheirOwnAuthorizationOrWithoutSession() throws Exception {
        GatewayClient apiClient = newClient();

        HttpResponse<String> withToken = apiClient.send(apiClient.request("/api/echo/configurations")
                .header("Authorization", "Bearer api-client-token").POST(BodyPublishers.ofString("{}")));
        HttpResponse<String> login = apiClient.send(apiClient.request("/api/auth/login")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"initial-password\"}")));

        assertThat(withToken.statusCode()).isEqualTo(201);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("\"access_token\"");
        assertThat(apiClient.sessionCookie()).as("API calls create no session").isNull();
    }

    @Test
    void passesCoreErrorsThrough() throws Exception {
        GatewayClient apiClient = newClient();

        HttpResponse<String> response = apiClient.get("/api/settings/modules");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        return all;
    }
}
