package io.cloudexchange.gateway.security;

import java.net.http.HttpResponse;

import io.cloudexchange.gateway.support.FakeCore;
import io.cloudexchange.gateway.support.GatewayClient;
import io.cloudexchange.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersTests extends GatewayTestSupport {

    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        HttpResponse<String> login = newClient().get("/login");

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                hsts -> assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains"));
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval"));
    }

    @Test
    void healthIsOpenAndPagesNeedALogin() throws Exception {
        GatewayClient anonymous = newClient();

        assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
        HttpResponse<String> dashboard = anonymous.get("/");
        assertThat(dashboard.statusCode()).isEqualTo(302);
        assertThat(dashboard.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void sessionCookieIsSecureHttpOnlyStrictAndRenewedAtLogin() throws Exception {
        GatewayClient browser = newClient();
        browser.get("/login");
        String beforeLogin = browser.sessionCookie();

        HttpResponse<String> login = browser.logIn(FakeCore.USERNAME, FakeCore.INITIAL_PASSWORD);

        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/change-password"));
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("CE_SESSION=").contains("Secure", "HttpOnly", "SameSite=Strict"));
        assertThat(browser.sessionCookie()).isNotEqualTo(beforeLogin);
    }

    @Test
    void badCredentialsShowAGenericMessage() throws Exception {
        GatewayClient browser = newClient();

        HttpResponse<String> login = browser.logIn(FakeCore.USERNAME, "wrong");

        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?error"));
        assertThat(browser.get("/login?error").body()).contains("Invalid username or password.");
    }
}
