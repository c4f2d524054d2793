package io.cloudexchange.core.sso.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudexchange.core.api.ApiTestSupport;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Inflater;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.ResultActions;
import org.w3c.dom.Element;

/** SAML sign-in through the API as the gateway drives it: settings, AuthnRequest redirect, ACS exchange. */
class SamlSignInApiTest extends ApiTestSupport {

    private static final String SP_BASE_URL = "https://ce.example.test";
    private static final String ACS_URL = SP_BASE_URL + "/login/sso/saml/acs";
    private static final String SP_ENTITY_ID = SP_BASE_URL + "/saml/metadata";
    private static TestSamlIdp idp;

    @BeforeAll
    static void keys() {
        idp = TestSamlIdp.create();
    }

    @Test
    void samlIsOffByDefault() throws Exception {
        mvc.perform(get("/api/auth/sso")).andExpect(jsonPath("$.saml").value(false));
        mvc.perform(withJson(post("/api/auth/sso/saml/authorize"), Map.of("relayState", "abc")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.sso").exists());
        mvc.perform(get("/api/auth/sso/saml/metadata")).andExpect(status().isNotFound());
    }

    @Test
    void metadataConfiguresTheIdpAndTheAnswerShowsWhatToRegister() throws Exception {
        Map<String, Object> settings = settings("deny");
        settings.remove("certificates");
        settings.remove("idpEntityId");
        settings.remove("ssoUrl");
        settings.put("metadataXml", idp.metadata());
        mvc.perform(asAdmin(withJson(put("/api/settings/sso/saml"), settings))).andExpect(status().isOk())
                .andExpect(jsonPath("$.idpEntityId").value(TestSamlIdp.ENTITY_ID))
                .andExpect(jsonPath("$.ssoUrl").value(TestSamlIdp.SSO_URL))
                .andExpect(jsonPath("$.spEntityId").value(SP_ENTITY_ID))
                .andExpect(jsonPath("$.acsUrl").value(ACS_URL))
                .andExpect(jsonPath("$.certificates[0].sha256").value(IdpCertificates.sha256Fingerprint(idp.certificate)))
                .andExpect(jsonPath("$.warnings").isEmpty());
        mvc.perform(get("/api/auth/sso")).andExpect(jsonPath("$.saml").value(true));
        String metadata = mvc.perform(get("/api/auth/sso/saml/metadata")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/samlmetadata+xml"))
                .andReturn().getResponse().getContentAsString();
        org.w3c.dom.Document parsed = SamlXml.parse(metadata.getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.getDocumentElement().getAttribute("entityID")).isEqualTo(SP_ENTITY_ID);
        Element acs = SamlXml.descendants(parsed, SamlXml.METADATA, "AssertionConsumerService").get(0);
        assertThat(acs.getAttribute("Location")).isEqualTo(ACS_URL);
        assertThat(acs.getAttribute("Binding")).isEqualTo(SamlXml.HTTP_POST);
        Document audit = mongo.getCollection("audit_log").find(new Document("targetType", "sso_settings")
                .append("targetId", "saml")).first();
        assertThat(audit).isNotNull();
    }

    @Test
    void badSettingsAreRefusedPerFieldAndAnExpiredCertificateIsAWarning() throws Exception {
        Map<String, Object> bad = settings("NO_SUCH_ROLE");
        bad.put("certificates", "-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----");
        bad.put("ssoUrl", "ftp://idp.example.test");
        bad.put("spBaseUrl", "http://ce.example.test?x=1");
        bad.put("groupRoles", List.of(Map.of("group", "ce-admins", "roles", List.of("SUPER_ADMIN"))));
        mvc.perform(asAdmin(withJson(put("/api/settings/sso/saml"), bad))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.certificates").exists())
                .andExpect(jsonPath("$.errors.ssoUrl").exists())
                .andExpect(jsonPath("$.errors.spBaseUrl").exists())
                .andExpect(jsonPath("$.errors.defaultRole").exists())
                .andExpect(jsonPath("$.errors['groupRoles[ce-admins].roles']").exists());

        Map<String, Object> noKey = settings("deny");
        noKey.put("metadataXml", idp.metadata().replace("use=\"signing\"", "use=\"encryption\""));
        mvc.perform(asAdmin(withJson(put("/api/settings/sso/saml"), noKey))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.metadataXml").value(org.hamcrest.Matchers.containsString("no signing certificate")));

        Map<String, Object> expired = settings("deny");
        expired.put("certificates", TestSamlIdp.expired().pem());
        mvc.perform(asAdmin(withJson(put("/api/settings/sso/saml"), expired))).andExpect(status().isOk())
                .andExpect(jsonPath("$.warnings[0]").value(org.hamcrest.Matchers.containsString("expired")));
        mvc.perform(asAdmin(get("/api/settings/sso/saml"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.warnings[0]").value(org.hamcrest.Matchers.containsString("expired")));
    }

    @Test
    void theAuthnRequestIsADeflatedRedirectToTheIdp() throws Exception {
        configure("deny");
        URI redirect = URI.create(authorize("relay-1"));
        assertThat(redirect.getScheme() + "://" + redirect.getHost() + redirect.getPath()).isEqualTo(TestSamlIdp.SSO_URL);
        Map<String, String> query = query(redirect);
        assertThat(query).containsEntry("RelayState", "relay-1");
        Element request = inflate(query.get("SAMLRequest"));
        assertThat(request.getLocalName()).isEqualTo("AuthnRequest");
        assertThat(request.getAttribute("Destination")).isEqualTo(TestSamlIdp.SSO_URL);
        assertThat(request.getAttribute("AssertionConsumerServiceURL")).isEqualTo(ACS_URL);
        assertThat(request.getAttribute("ProtocolBinding")).isEqualTo(SamlXml.HTTP_POST);
        assertThat(request.getAttribute("ID")).matches("_[0-9a-f]{40}");
        assertThat(SamlXml.text(SamlXml.onlyChild(request, SamlXml.ASSERTION, "Issuer"))).isEqualTo(SP_ENTITY_ID);
        assertThat(mongo.getCollection("saml_requests").countDocuments(new Document("_id", request.getAttribute("ID"))))
                .isEqualTo(1);
    }

    @Test
    void aSignedResponseSignsTheUserInWithTheMappedRoles() throws Exception {
        configure("deny");
        String requestId = requestId(authorize("relay-ok"));
        String body = postToAcs(idp.signedAssertion(new TestSamlIdp.Response(stored(), requestId)), "relay-ok")
                .andExpect(status().isOk()).andExpect(jsonPath("$.password_change_required").value(false))
                .andReturn().getResponse().getContentAsString();
        String token = readJson(body).path("access_token").asString();
        mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("alice@example.com"))
                .andExpect(jsonPath("$.roles").value(org.hamcrest.Matchers.containsInAnyOrder("ADMIN")));
        assertThat(users.findByUsername("alice@example.com").orElseThrow().passwordHash()).isNull();
        assertThat(mongo.getCollection("audit_log").countDocuments(new Document("action", "LOGIN")
                .append("actor", "alice@example.com"))).isEqualTo(1);
    }

    @Test
    void aUserInNoMappedGroupGetsTheDefaultRoleOrIsRefused() throws Exception {
        configure("READ_ONLY");
        TestSamlIdp.Response staff = new TestSamlIdp.Response(stored(), requestId(authorize("relay-a")));
        staff.groups = List.of("staff");
        postToAcs(idp.signedAssertion(staff), "relay-a").andExpect(status().isOk());
        assertThat(users.findByUsername("alice@example.com").orElseThrow().roles()).containsExactly("READ_ONLY");

        configure("deny");
        TestSamlIdp.Response denied = new TestSamlIdp.Response(stored(), requestId(authorize("relay-b")));
        denied.groups = List.of("staff");
        postToAcs(idp.signedAssertion(denied), "relay-b").andExpect(status().isUnauthorized());
    }

    @Test
    void aResponseIsAcceptedOnceAndOnlyForAnOutstandingRequestOfTheSameFlow() throws Exception {
        configure("deny");
        String requestId = requestId(authorize("relay-once"));
        String signed = idp.signedAssertion(new TestSamlIdp.Response(stored(), requestId));
        postToAcs(signed, "another-relay").andExpect(status().isUnauthorized());
        postToAcs(signed, "relay-once").andExpect(status().isOk());
        postToAcs(signed, "relay-once").andExpect(status().isUnauthorized());

        postToAcs(idp.signedAssertion(new TestSamlIdp.Response(stored(), "_never-requested")), "relay-once")
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anAssertionIdIsNeverAcceptedTwiceEvenForANewRequest() throws Exception {
        configure("deny");
        TestSamlIdp.Response first = new TestSamlIdp.Response(stored(), requestId(authorize("relay-1")));
        postToAcs(idp.signedAssertion(first), "relay-1").andExpect(status().isOk());
        TestSamlIdp.Response again = new TestSamlIdp.Response(stored(), requestId(authorize("relay-2")));
        again.assertionId = first.assertionId;
        postToAcs(idp.signedAssertion(again), "relay-2").andExpect(status().isUnauthorized());
        assertThat(mongo.getCollection("platform_logs").find().into(new java.util.ArrayList<>()).toString()).contains("replay");
    }

    @Test
    void rejectedResponsesAreAuditedAndRefusedWithoutDetail() throws Exception {
        configure("deny");
        String requestId = requestId(authorize("relay-x"));
        String body = postToAcs(new TestSamlIdp.Response(stored(), requestId).xml(), "relay-x")
                .andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("signed");
        assertThat(mongo.getCollection("audit_log").countDocuments(new Document("action", "LOGIN_FAILED"))).isEqualTo(1);
        postToAcs("not base64 at all!", "relay-x").andExpect(status().isUnauthorized());
    }

    @Test
    void aPasswordResetTurnsAnSsoUserIntoALocalAccountThatSsoNoLongerSignsIn() throws Exception {
        configure("deny");
        String requestId = requestId(authorize("relay-1"));
        postToAcs(idp.signedAssertion(new TestSamlIdp.Response(stored(), requestId)), "relay-1").andExpect(status().isOk());
        String id = users.findByUsername("alice@example.com").orElseThrow().id();
        String reset = mvc.perform(asAdmin(post("/api/users/" + id + "/reset-password"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String temporary = readJson(reset).path("temporaryPassword").asString();
        mvc.perform(withJson(post("/api/auth/login"), Map.of("username", "alice@example.com", "password", temporary)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.password_change_required").value(true));
        String again = requestId(authorize("relay-2"));
        postToAcs(idp.signedAssertion(new TestSamlIdp.Response(stored(), again)), "relay-2").andExpect(status().isUnauthorized());
    }

    private ResultActions postToAcs(String xml, String relayState) throws Exception {
        String encoded = xml.startsWith("<") ? TestSamlIdp.base64(xml) : xml;
        return mvc.perform(withJson(post("/api/auth/sso/saml/login"), Map.of("samlResponse", encoded, "relayState", relayState)));
    }

    private String authorize(String relayState) throws Exception {
        String body = mvc.perform(withJson(post("/api/auth/sso/saml/authorize"), Map.of("relayState", relayState)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return readJson(body).path("redirectUrl").asString();
    }

    private static String requestId(String redirectUrl) throws Exception {
        return inflate(query(URI.create(redirectUrl)).get("SAMLRequest")).getAttribute("ID");
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            query.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private static Element inflate(String samlRequest) throws Exception {
        Inflater inflater = new Inflater(true);
        inflater.setInput(Base64.getDecoder().decode(samlRequest));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!inflater.finished()) {
            int read = inflater.inflate(buffer);
            if (read == 0 && inflater.needsInput()) {
                throw new IllegalStateException("truncated deflate stream");
            }
            out.write(buffer, 0, read);
        }
        return SamlXml.parse(out.toByteArray()).getDocumentElement();
    }

    private SamlSettings stored() {
        return mongo.findById(SamlSettings.ID, SamlSettings.class);
    }

    private void configure(String defaultRole) throws Exception {
        mvc.perform(asAdmin(withJson(put("/api/settings/sso/saml"), settings(defaultRole)))).andExpect(status().isOk());
    }

    private static Map<String, Object> settings(String defaultRole) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("enabled", true);
        settings.put("spBaseUrl", SP_BASE_URL + "/");
        settings.put("idpEntityId", TestSamlIdp.ENTITY_ID);
        settings.put("ssoUrl", TestSamlIdp.SSO_URL);
        settings.put("certificates", idp.pem());
        settings.put("groupsAttribute", "groups");
        settings.put("groupRoles", List.of(Map.of("group", "ce-admins", "roles", List.of("ADMIN"))));
        settings.put("defaultRole", defaultRole);
        return settings;
    }

}
