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

    private static final String SAML_STORED = """
            {"enabled":true,"spBaseUrl":"https://ce.example","spEntityId":"https://ce.example/saml/metadata",
             "acsUrl":"https://ce.example/login/sso/saml/acs","spMetadataUrl":"https://ce.example/saml/metadata",
             "idpEntityId":"https://idp.example/saml","ssoUrl":"https://idp.example/saml/sso",
             "certificates":[{"subject":"CN=idp","notBefore":"2026-01-01T00:00:00Z","notAfter":"2027-01-01T00:00:00Z",
               "sha256":"AB:CD","pem":"-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n"}],
             "usernameAttribute":null,"groupsAttribute":"memberOf","groupRoles":[{"group":"ce-admins","roles":["ADMIN"]}],
             "defaultRole":"deny","warnings":["certificate 'CN=idp' expired on 2026-01-01T00:00:00Z"]}""";

    @Test
    void showsWhatToRegisterAtTheSamlIdpAndItsWarnings() throws Exception {
        core.answer("GET /api/settings/sso/saml", 200, SAML_STORED);
        String page = browser.get("/settings/sso").body();
        assertThat(page).contains("id=\"saml-sp-entity-id\">https://ce.example/saml/metadata</code>",
                "id=\"saml-acs-url\">https://ce.example/login/sso/saml/acs</code>", "https://idp.example/saml/sso",
                "CN=idp, valid until 2027-01-01T00:00:00Z, SHA-256 AB:CD", "expired on 2026-01-01", "value=\"memberOf\"");
    }

    @Test
    void savingSamlSendsPastedMetadataAndShowsCoresFieldErrors() throws Exception {
        core.answer("PUT /api/settings/sso/saml", 400, """
                {"type":"about:blank","title":"Validation failed","status":400,"detail":"1 field is invalid",
                 "errors":{"metadataXml":"has no signing certificate (KeyDescriptor use=\\"signing\\")"}}""");
        String csrf = browser.csrfTokenFrom("/settings/sso");
        String page = browser.postForm("/settings/sso/saml", "_csrf", csrf, "enabled", "true",
                "spBaseUrl", "https://ce.example", "metadataXml", "<md:EntityDescriptor/>",
                "groupRoles", "ce-admins = ADMIN", "defaultRole", "deny").body();
        String sent = core.lastRequestTo("PUT", "/api/settings/sso/saml").text();
        assertThat(sent).contains("\"metadataXml\":\"<md:EntityDescriptor/>\"")
                .contains("{\"group\":\"ce-admins\",\"roles\":[\"ADMIN\"]}");
        assertThat(page).contains("has no signing certificate", "&lt;md:EntityDescriptor/&gt;");
    }
}
