package io.cloudexchange.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cloudexchange.gateway.support.FakeCore;
import io.cloudexchange.gateway.support.GatewayClient;
import io.cloudexchange.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

/** The gateway's side of OpenID Connect sign-in, against the fake core (core's side: OidcSignInApiTest). */
class OidcLoginTests extends GatewayTestSupport {

    private static final Pattern PENDING = Pattern.compile("CE_SSO=([^;]+)");

    @Test
    void theLoginPageOffersSsoOnlyWhenCoreHasItEnabled() throws Exception {
        assertThat(newClient().get("/login").body()).doesNotContain("Sign in with SSO").contains("id=\"login\"");
        core.ssoEnabled();
        assertThat(newClient().get("/login").body()).contains("Sign in with SSO").contains("id=\"login\"");
    }

    @Test
    void aVerifiedSignInLandsOnTheDashboardWithCoresToken() throws Exception {
        core.ssoEnabled();
        GatewayClient browser = newClient();
        Started started = start(browser);
        assertThat(started.setCookie).contains("HttpOnly").contains("Secure").contains("SameSite=Lax");

        HttpResponse<String> callback = callback(browser, FakeCore.SSO_GOOD_CODE, started.state, started.pending);
        assertThat(callback.statusCode()).isEqualTo(200);
        assertThat(callback.body()).contains("sso-complete").contains("url=/");
        assertThat(callback.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("CE_SSO=;"));

        String login = core.lastRequestTo("POST", "/api/auth/sso/oidc/login").text();
        String verifier = field(login, "codeVerifier");
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        assertThat(started.challenge).isEqualTo(challenge);
        assertThat(field(login, "nonce"))
                .isEqualTo(field(core.lastRequestTo("POST", "/api/auth/sso/oidc/authorize").text(), "nonce"));
        assertThat(field(login, "redirectUri")).endsWith("/login/sso/callback");

        HttpResponse<String> dashboard = browser.get("/");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(core.lastRequestTo("/api/me").header("Authorization")).isEqualTo("Bearer " + FakeCore.SSO_TOKEN);
    }

    @Test
    void aCallbackWithAnotherStateIsRefusedWithoutAskingCore() throws Exception {
        core.ssoEnabled();
        GatewayClient browser = newClient();
        Started started = start(browser);
        HttpResponse<String> callback = callback(browser, FakeCore.SSO_GOOD_CODE, "forged-state", started.pending);
        assertThat(callback.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?ssoError"));
        assertThat(core.requests()).noneMatch(r -> r.path().equals("/api/auth/sso/oidc/login"));
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void aCodeCoreRefusesLeavesTheBrowserSignedOut() throws Exception {
        core.ssoEnabled();
        GatewayClient browser = newClient();
        Started started = start(browser);
        HttpResponse<String> callback = callback(browser, "stolen-code", started.state, started.pending);
        assertThat(callback.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?ssoError"));
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
        assertThat(browser.get("/login?ssoError").body()).contains("Single sign-on did not succeed");
    }

    @Test
    void startingSsoWhileCoreHasItOffGoesBackToTheLoginPage() throws Exception {
        HttpResponse<String> response = newClient().get("/login/sso");
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?ssoError"));
    }

    private record Started(String state, String challenge, String pending, String setCookie) {
    }

    private static Started start(GatewayClient browser) throws Exception {
        HttpResponse<String> response = browser.get("/login/sso");
        assertThat(response.statusCode()).isEqualTo(302);
        URI idp = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(idp.getHost()).isEqualTo("idp.example");
        Map<String, String> query = UriComponentsBuilder.fromUri(idp).build().getQueryParams().toSingleValueMap();
        String setCookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("CE_SSO="))
                .findFirst().orElseThrow();
        Matcher pending = PENDING.matcher(setCookie);
        assertThat(pending.find()).isTrue();
        return new Started(query.get("state"), query.get("code_challenge"), pending.group(1), setCookie);
    }

    private static HttpResponse<String> callback(GatewayClient browser, String code, String state, String pending)
            throws Exception {
        return browser.send(browser.request("/login/sso/callback?code=" + code + "&state=" + state)
                .header("Cookie", "CE_SSO=" + pending).GET());
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        assertThat(matcher.find()).as(name + " in " + json).isTrue();
        return matcher.group(1);
    }
}
