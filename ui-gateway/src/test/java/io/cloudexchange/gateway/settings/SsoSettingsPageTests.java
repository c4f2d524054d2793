package io.cloudexchange.gateway.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.gateway.support.FakeCore;
import io.cloudexchange.gateway.support.GatewayClient;
import io.cloudexchange.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SsoSettingsPageTests extends GatewayTestSupport {

    private static final String STORED = """
            {"enabled":true,"issuerUri":"https://idp.example/realms/acme","clientId":"ce","clientSecretSet":true,
             "scopes":["openid","profile"],"groupsClaim":"groups",
             "groupRoles":[{"group":"ce-admins","roles":["ADMIN"]}],"defaultRole":"deny"}""";

    private GatewayClient browser;

    @BeforeEach
    void logIn() throws Exception {
        core.passwordAlreadyChanged();
        browser = newClient();
        browser.logIn(FakeCore.USERNAME, FakeCore.INITIAL_PASSWORD);
        core.answer("GET /api/settings/sso", 200, STORED);
    }

    @Test
    void showsTheSettingsAndTheRedirectUriButNeverASecret() throws Exception {
        String page = browser.get("/settings/sso").body();
        assertThat(page).contains("https://idp.example/realms/acme", "ce-admins = ADMIN", "openid profile",
                "A client secret is stored", "/login/sso/callback</code>", "id=\"nav-sso\"");
    }

    @Test
    void savingSendsTheMappingsAndKeepsTheSecretWhenLeftEmpty() throws Exception {
        core.answer("PUT /api/settings/sso", 200, STORED);
        String csrf = browser.csrfTokenFrom("/settings/sso");
        var response = browser.postForm("/settings/sso", "_csrf", csrf, "enabled", "true",
                "issuerUri", "https://idp.example/realms/acme", "clientId", "ce", "clientSecret", "",
                "scopes", "openid profile", "groupsClaim", "groups",
                "groupRoles", "ce-admins = ADMIN\nreaders = READ_ONLY, ANALYST\n", "defaultRole", "deny");
        assertThat(response.statusCode()).isEqualTo(302);
        String sent = core.lastRequestTo("PUT", "/api/settings/sso").text();
        assertThat(sent).doesNotContain("clientSecret")
                .contains("{\"group\":\"ce-admins\",\"roles\":[\"ADMIN\"]}")
                .contains("{\"group\":\"readers\",\"roles\":[\"READ_ONLY\",\"ANALYST\"]}")
                .contains("\"scopes\":[\"openid\",\"profile\"]");
    }

    @Test
    void coresFieldErrorsAreShownNextToTheForm() throws Exception {
        core.answer("PUT /api/settings/sso", 400, """
                {"type":"about:blank","title":"Validation failed","status":400,"detail":"1 field is invalid",
                 "errors":{"defaultRole":"unknown role 'NOPE'"}}""");
        String csrf = browser.csrfTokenFrom("/settings/sso");
        String page = browser.postForm("/settings/sso", "_csrf", csrf, "enabled", "true", "issuerUri",
                "https://idp.example", "clientId", "ce", "defaultRole", "NOPE").body();
        assertThat(page).contains("unknown role &#39;NOPE&#39;", "value=\"NOPE\"");
    }
}
