package io.cloudexchange.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cloudexchange.gateway.support.FakeCore;
import io.cloudexchange.gateway.support.GatewayClient;
import io.cloudexchange.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

/** The gateway's side of SAML sign-in, against the fake core (core's side: SamlSignInApiTest). */
class SamlLoginTests extends GatewayTestSupport {

    private static final Pattern PENDING = Pattern.compile("CE_SAML=([^;]+)");

    @Test
    void theLoginPageOffersSamlOnlyWhenCoreHasItEnabled() throws Exception {
        assertThat(newClient().get("/login").body()).doesNotContain("Sign in with SAML SSO");
        core.samlEnabled();
        assertThat(newClient().get("/login").body()).contains("Sign in with SAML SSO").doesNotContain("id=\"sso-login\"");
    }

    @Test
    void aResponseCoreAcceptsAtTheAcsLandsOnTheDashboard() throws Exception {
        core.samlEnabled();
        GatewayClient browser = newClient();
        Started started = start(browser);
        assertThat(started.setCookie).contains("HttpOnly").contains("Secure").contains("SameSite=None")
                .contains("Path=/login/sso/saml");

        HttpResponse<String> acs = postToAcs(browser, FakeCore.SAML_GOOD_RESPONSE, started.relayState, started.pending);
        assertThat(acs.statusCode()).isEqualTo(200);
        assertThat(acs.body()).contains("sso-complete").contains("url=/");
        assertThat(acs.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("CE_SAML=;"));
        String login = core.lastRequestTo("POST", "/api/auth/sso/saml/login").text();
        assertThat(login).contains(FakeCore.SAML_GOOD_RESPONSE).contains(started.relayState);

        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        assertThat(core.lastRequestTo("/api/me").header("Authorization")).isEqualTo("Bearer " + FakeCore.SSO_TOKEN);
    }

    @Test
    void aPostWithAnotherRelayStateIsRefusedWithoutAskingCore() throws Exception {
        core.samlEnabled();
        GatewayClient browser = newClient();
        Started started = start(browser);
        HttpResponse<String> acs = postToAcs(browser, FakeCore.SAML_GOOD_RESPONSE, "forged-relay-state", started.pending);
        assertThat(acs.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?ssoError"));
        HttpResponse<String> noCookie = postToAcs(newClient(), FakeCore.SAML_GOOD_RESPONSE, started.relayState, null);
        assertThat(noCookie.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?ssoError"));
        assertThat(core.requests()).noneMatch(r -> r.path().equals("/api/auth/sso/saml/login"));
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void aResponseCoreRefusesLeavesTheBrowserSignedOut() throws Exception {
        core.samlEnabled();
        GatewayClient browser = newClient();
        Started started = start(browser);
        HttpResponse<String> acs = postToAcs(browser, "Zm9yZ2Vk", started.relayState, started.pending);
        assertThat(acs.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?ssoError"));
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void theServiceProviderMetadataIsPublic() throws Exception {
        assertThat(newClient().get("/saml/metadata").statusCode()).isEqualTo(404);
        core.samlEnabled();
        HttpResponse<String> metadata = newClient().get("/saml/metadata");
        assertThat(metadata.statusCode()).as(core.requests().toString() + metadata.body()).isEqualTo(200);
        assertThat(metadata.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/samlmetadata+xml"));
        assertThat(metadata.body()).isEqualTo(FakeCore.SAML_METADATA);
    }

    private record Started(String relayState, String pending, String setCookie) {
    }

    private static Started start(GatewayClient browser) throws Exception {
        HttpResponse<String> response = browser.get("/login/sso/saml");
        assertThat(response.statusCode()).isEqualTo(302);
        URI idp = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(idp.getHost()).isEqualTo("idp.example");
        Map<String, String> query = UriComponentsBuilder.fromUri(idp).build().getQueryParams().toSingleValueMap();
        String setCookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("CE_SAML="))
                .findFirst().orElseThrow();
        Matcher pending = PENDING.matcher(setCookie);
        assertThat(pending.find()).isTrue();
        assertThat(query.get("RelayState")).isEqualTo(pending.group(1));
        return new Started(query.get("RelayState"), pending.group(1), setCookie);
    }

    /** The IdP's auto-submitted form: a cross-site POST without CSRF token, only the flow cookie. */
    private static HttpResponse<String> postToAcs(GatewayClient browser, String samlResponse, String relayState,
            String pending) throws Exception {
        HttpRequest.Builder request = browser.request("/login/sso/saml/acs")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("SAMLResponse=" + URLEncoder.encode(samlResponse, StandardCharsets.UTF_8)
                        + "&RelayState=" + URLEncoder.encode(relayState, StandardCharsets.UTF_8)));
        if (pending != null) {
            request.header("Cookie", "CE_SAML=" + pending);
        }
        return browser.send(request);
    }
}
