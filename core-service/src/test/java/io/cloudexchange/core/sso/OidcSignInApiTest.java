package io.cloudexchange.core.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudexchange.core.api.ApiTestSupport;
import io.cloudexchange.core.users.UserAccounts;
import io.cloudexchange.testidp.TestOpenIdProvider;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.ResultActions;

/** OpenID Connect sign-in against a real authorization server (Spring Authorization Server) with PKCE. */
class OidcSignInApiTest extends ApiTestSupport {

    private static final String REDIRECT_URI = "http://127.0.0.1:9/sso/oidc/callback";
    private static ConfigurableApplicationContext provider;

    @Autowired
    private UserAccounts accounts;

    @BeforeAll
    static void startProvider() {
        provider = TestOpenIdProvider.start(REDIRECT_URI);
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @Test
    void ssoIsOffByDefault() throws Exception {
        mvc.perform(get("/api/auth/sso")).andExpect(status().isOk()).andExpect(jsonPath("$.oidc").value(false));
        mvc.perform(asAdmin(get("/api/settings/sso"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false))
                .andExpect(jsonPath("$.defaultRole").value("deny"));
        mvc.perform(withJson(post("/api/auth/sso/oidc/authorize"), new Flow().startRequest()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.sso").exists());
    }

    @Test
    void settingsKeepTheClientSecretEncryptedAndNeverReturnIt() throws Exception {
        configure("deny");
        String body = mvc.perform(asAdmin(get("/api/settings/sso"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.clientSecretSet").value(true))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain(TestOpenIdProvider.CLIENT_SECRET);
        Document stored = mongo.getCollection("sso_settings").find().first();
        assertThat(stored.getString("encryptedClientSecret")).startsWith("v2:").doesNotContain(TestOpenIdProvider.CLIENT_SECRET);

        Map<String, Object> keep = settings("deny");
        keep.put("clientSecret", "");
        mvc.perform(asAdmin(withJson(put("/api/settings/sso"), keep))).andExpect(status().isOk());
        assertThat(mongo.getCollection("sso_settings").find().first().getString("encryptedClientSecret"))
                .isEqualTo(stored.getString("encryptedClientSecret"));
        assertThat(mongo.getCollection("audit_log").find(new Document("targetType", "sso_settings")).first().toJson())
                .doesNotContain(TestOpenIdProvider.CLIENT_SECRET);
    }

    @Test
    void invalidSettingsAreRefusedPerField() throws Exception {
        Map<String, Object> bad = settings("NO_SUCH_ROLE");
        bad.put("issuerUri", "ftp://idp");
        bad.put("groupRoles", List.of(Map.of("group", "ce-admins", "roles", List.of("SUPER_ADMIN"))));
        mvc.perform(asAdmin(withJson(put("/api/settings/sso"), bad))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.issuerUri").exists())
                .andExpect(jsonPath("$.errors.defaultRole").exists())
                .andExpect(jsonPath("$.errors['groupRoles[ce-admins].roles']").exists());
    }

    @Test
    void aUserInAMappedGroupSignsInWithTheMappedRole() throws Exception {
        configure("deny");
        mvc.perform(get("/api/auth/sso")).andExpect(jsonPath("$.oidc").value(true));

        String token = new Flow().signIn("alice").andExpect(status().isOk())
                .andExpect(jsonPath("$.password_change_required").value(false))
                .andReturn().getResponse().getContentAsString();
        String accessToken = readJson(token).path("access_token").asString();
        mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("alice"))
                .andExpect(jsonPath("$.roles").value(org.hamcrest.Matchers.containsInAnyOrder("ADMIN")));
        assertThat(users.findByUsername("alice").orElseThrow().passwordHash()).isNull();
        mvc.perform(withJson(post("/api/auth/login"), Map.of("username", "alice", "password", "alice-password")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aUserInNoMappedGroupIsRefusedWhenTheDefaultIsDeny() throws Exception {
        configure("deny");
        new Flow().signIn("bob").andExpect(status().isUnauthorized());
        assertThat(users.findByUsername("bob")).isEmpty();
    }

    @Test
    void aUserInNoMappedGroupGetsTheDefaultRole() throws Exception {
        configure("READ_ONLY");
        new Flow().signIn("bob").andExpect(status().isOk());
        assertThat(users.findByUsername("bob").orElseThrow().roles()).containsExactly("READ_ONLY");
    }

    @Test
    void rolesAreRecomputedAtEveryLoginAndOldTokensEnd() throws Exception {
        configure("deny");
        String first = readJson(new Flow().signIn("alice").andReturn().getResponse().getContentAsString())
                .path("access_token").asString();
        Map<String, Object> changed = settings("deny");
        changed.put("groupRoles", List.of(Map.of("group", "staff", "roles", List.of("READ_ONLY"))));
        mvc.perform(asAdmin(withJson(put("/api/settings/sso"), changed))).andExpect(status().isOk());
        Thread.sleep(5);

        new Flow().signIn("alice").andExpect(status().isOk());
        assertThat(users.findByUsername("alice").orElseThrow().roles()).containsExactly("READ_ONLY");
        mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + first))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aDisabledSsoUserCannotSignIn() throws Exception {
        configure("deny");
        new Flow().signIn("alice").andExpect(status().isOk());
        accounts.setAccess("alice", Set.of("ADMIN"), true);
        new Flow().signIn("alice").andExpect(status().isUnauthorized());
    }

    @Test
    void aLocalAccountCannotBeTakenOverThroughSso() throws Exception {
        configure("deny");
        users.save(io.cloudexchange.core.users.User.create("alice", "{noop}local-password-123", Set.of("READ_ONLY"),
                false, java.time.Instant.now()));
        new Flow().signIn("alice").andExpect(status().isUnauthorized());
        assertThat(users.findByUsername("alice").orElseThrow().roles()).containsExactly("READ_ONLY");
    }

    @Test
    void aWrongNonceOrVerifierOrReusedCodeIsRefused() throws Exception {
        configure("deny");
        Flow wrongNonce = new Flow();
        Map<String, String> callback = wrongNonce.authorize("alice");
        mvc.perform(withJson(post("/api/auth/sso/oidc/login"), wrongNonce.loginRequest(callback, "another-nonce", wrongNonce.verifier)))
                .andExpect(status().isUnauthorized());

        Flow wrongVerifier = new Flow();
        Map<String, String> second = wrongVerifier.authorize("alice");
        mvc.perform(withJson(post("/api/auth/sso/oidc/login"), wrongVerifier.loginRequest(second, wrongVerifier.nonce, random())))
                .andExpect(status().isUnauthorized());

        Flow reused = new Flow();
        Map<String, String> third = reused.authorize("alice");
        mvc.perform(withJson(post("/api/auth/sso/oidc/login"), reused.loginRequest(third, reused.nonce, reused.verifier)))
                .andExpect(status().isOk());
        mvc.perform(withJson(post("/api/auth/sso/oidc/login"), reused.loginRequest(third, reused.nonce, reused.verifier)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void identityProviderCallsGoThroughThePlatformProxyAndDiscoveryIsCached() throws Exception {
        try (RecordingForwardProxy proxy = RecordingForwardProxy.start()) {
            mvc.perform(asAdmin(withJson(put("/api/settings/proxy"), Map.of("url", proxy.url())))).andExpect(status().isOk());
            configure("deny");
            new Flow().signIn("alice").andExpect(status().isOk());
            new Flow().signIn("alice").andExpect(status().isOk());

            List<String> paths = proxy.requests().stream().map(java.net.URI::getPath).toList();
            assertThat(paths).filteredOn(path -> path.endsWith("/.well-known/openid-configuration")).hasSize(1);
            assertThat(paths).filteredOn(path -> path.equals("/oauth2/token")).hasSize(2);
            assertThat(paths).anyMatch(path -> path.contains("jwks"));
            assertThat(proxy.requests()).allMatch(uri -> uri.getAuthority().equals(
                    java.net.URI.create(TestOpenIdProvider.issuer(provider)).getAuthority()));
        }
    }

    @Test
    void theSuperAdminKeepsSigningInLocally() throws Exception {
        configure("deny");
        mvc.perform(withJson(post("/api/auth/login"), Map.of("username", ADMIN, "password", ADMIN_PASSWORD)))
                .andExpect(status().isOk());
    }

    private void configure(String defaultRole) throws Exception {
        mvc.perform(asAdmin(withJson(put("/api/settings/sso"), settings(defaultRole)))).andExpect(status().isOk());
    }

    private static Map<String, Object> settings(String defaultRole) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("enabled", true);
        settings.put("issuerUri", TestOpenIdProvider.issuer(provider));
        settings.put("clientId", TestOpenIdProvider.CLIENT_ID);
        settings.put("clientSecret", TestOpenIdProvider.CLIENT_SECRET);
        settings.put("groupsClaim", "groups");
        settings.put("groupRoles", List.of(Map.of("group", "ce-admins", "roles", List.of("ADMIN"))));
        settings.put("defaultRole", defaultRole);
        return settings;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** One sign-in as the gateway runs it: state, nonce and PKCE verifier of its own. */
    private final class Flow {
        final String state = random();
        final String nonce = random();
        final String verifier = random();

        Map<String, String> startRequest() throws Exception {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Map.of("redirectUri", REDIRECT_URI, "state", state, "nonce", nonce,
                    "codeChallenge", Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        }

        Map<String, String> authorize(String username) throws Exception {
            String body = mvc.perform(withJson(post("/api/auth/sso/oidc/authorize"), startRequest()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            String authorizationUri = readJson(body).path("authorizationUri").asString();
            Map<String, String> callback = new OpenIdProviderBrowser()
                    .signIn(authorizationUri, username, username + "-password", REDIRECT_URI);
            assertThat(callback).containsEntry("state", state).containsKey("code");
            return callback;
        }

        Map<String, String> loginRequest(Map<String, String> callback, String nonce, String verifier) {
            return Map.of("code", callback.get("code"), "codeVerifier", verifier, "redirectUri", REDIRECT_URI,
                    "state", callback.get("state"), "nonce", nonce);
        }

        ResultActions signIn(String username) throws Exception {
            Map<String, String> callback = authorize(username);
            return mvc.perform(withJson(post("/api/auth/sso/oidc/login"), loginRequest(callback, nonce, verifier)));
        }
    }
}
