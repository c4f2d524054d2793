package io.cloudexchange.core.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudexchange.core.api.ApiTestSupport;
import io.cloudexchange.core.secrets.SecretCipher;
import io.cloudexchange.netskope.simulator.NetskopeSimulator;
import io.cloudexchange.netskope.simulator.SimulatorConfig;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.ResultActions;

/** The tenants API against a simulated tenant, which every save probes. */
@TestPropertySource(properties = "cloudexchange.tenants.allow-loopback=true")
class TenantApiTest extends ApiTestSupport {

    private static final String V2_TOKEN = SimulatorConfig.DEFAULT_V2_TOKEN;
    private static final String DLP_ONLY_TOKEN = "dlp-only-token-0123456789";
    private static final String WRONG_TOKEN = "wrong-token-0123456789";
    private static NetskopeSimulator tenant;

    @Autowired
    private TenantRepository tenants;
    @Autowired
    private SecretCipher cipher;

    @BeforeAll
    static void startTenant() {
        tenant = NetskopeSimulator.start(SimulatorConfig.defaults().withRequestsPerSecond(0)
                .withV2Token(DLP_ONLY_TOKEN, Set.of("/api/v2/events/dataexport/alerts/dlp")));
    }

    @AfterAll
    static void stopTenant() {
        tenant.close();
    }

    @BeforeEach
    void forgetRequests() {
        tenant.requests().clear();
    }

    private static String tenantUrl() {
        return tenant.baseUrl().toString();
    }

    private static Map<String, Object> body(String name, String url) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("url", url);
        body.put("v2Token", V2_TOKEN);
        return body;
    }

    private ResultActions postTenant(Map<String, Object> body) throws Exception {
        return mvc.perform(withJson(asAdmin(post("/api/tenants")), body));
    }

    private String create(Map<String, Object> body) throws Exception {
        String answer = postTenant(body).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(answer).doesNotContain(V2_TOKEN);
        return readJson(answer).path("id").asString();
    }

    private void rejected(Map<String, Object> body, String field, String problem) throws Exception {
        String answer = postTenant(body).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors." + field, containsString(problem)))
                .andReturn().getResponse().getContentAsString();
        assertThat(answer).doesNotContain((String) body.get("v2Token"));
        assertThat(tenants.count()).isZero();
    }

    @Test
    void requiresToken() throws Exception {
        mvc.perform(get("/api/tenants")).andExpect(status().isUnauthorized());
    }

    @Test
    void aTenantWhoseTokenReadsEveryTypeIsSavedWithDefaultsAndHiddenTokens() throws Exception {
        postTenant(body("Production", tenantUrl() + "/"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.url").value(tenantUrl()))
                .andExpect(jsonPath("$.alertTypes", contains("dlp", "malware", "malsite", "policy")))
                .andExpect(jsonPath("$.eventTypes", contains("application", "audit")))
                .andExpect(jsonPath("$.alertsInitialRangeDays").value(7))
                .andExpect(jsonPath("$.eventsInitialRangeHours").value(24))
                .andExpect(jsonPath("$.useSystemProxy").value(false))
                .andExpect(jsonPath("$.v2TokenSet").value(true))
                .andExpect(jsonPath("$.v1TokenSet").value(false))
                .andExpect(jsonPath("$.v2Token").doesNotExist());
        assertThat(tenant.requests().entries()).as("one probe per selected type").hasSize(6);
        Tenant stored = tenants.findByName("Production").orElseThrow();
        assertThat(stored.encryptedV2Token()).doesNotContain(V2_TOKEN);
        assertThat(cipher.decrypt(stored.encryptedV2Token())).isEqualTo(V2_TOKEN);
        String listed = mvc.perform(asAdmin(get("/api/tenants"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(listed).contains("Production").doesNotContain(V2_TOKEN);
    }

    @Test
    void aWrongTokenIsRejectedAsInvalidOrExpired() throws Exception {
        Map<String, Object> body = body("Production", tenantUrl());
        body.put("v2Token", WRONG_TOKEN);
        rejected(body, "v2Token", "invalid or expired");
    }

    @Test
    void aTokenLackingAScopeIsRejectedNamingTheScope() throws Exception {
        Map<String, Object> body = body("Production", tenantUrl());
        body.put("v2Token", DLP_ONLY_TOKEN);
        body.put("alertTypes", List.of("dlp", "malware"));
        body.put("eventTypes", List.of());
        rejected(body, "v2Token", "missing scopes: /api/v2/events/dataexport/alerts/malware");
    }

    @Test
    void anUnreachableTenantIsRejectedOnItsUrl() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        rejected(body("Production", "http://127.0.0.1:" + closedPort), "url", "Cannot reach");
    }

    @Test
    void unknownTypesAreRejectedOnTheirField() throws Exception {
        Map<String, Object> body = body("Production", tenantUrl());
        body.put("eventTypes", List.of("audit", "weather"));
        rejected(body, "eventTypes", "Unknown types weather");
    }

    @Test
    void malformedFieldsAreRejectedWithoutAskingTheTenant() throws Exception {
        Map<String, Object> body = body("", "https://acme.example.com");
        body.remove("v2Token");
        body.put("alertsInitialRangeDays", 91);
        body.put("eventsInitialRangeHours", 0);
        postTenant(body).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.name").value("is required"))
                .andExpect(jsonPath("$.errors.url", containsString("is not a Netskope tenant")))
                .andExpect(jsonPath("$.errors.v2Token").value("is required"))
                .andExpect(jsonPath("$.errors.alertsInitialRangeDays").value("must be between 1 and 90"))
                .andExpect(jsonPath("$.errors.eventsInitialRangeHours").value("must be between 1 and 720"));
        rejected(body("Production", "ftp://acme.goskope.com"), "url", "https://");
        assertThat(tenant.requests().entries()).isEmpty();
    }

    @Test
    void namesAreUnique() throws Exception {
        create(body("Production", tenantUrl()));
        postTenant(body("Production", tenantUrl())).andExpect(status().isConflict());
    }

    @Test
    void updatesAreProbedWithTheStoredTokenAndKeepItWhenEmpty() throws Exception {
        Map<String, Object> body = body("Production", tenantUrl());
        body.put("v1Token", "v1-token");
        String id = create(body);
        String storedV2 = tenants.findById(id).orElseThrow().encryptedV2Token();

        Map<String, Object> update = body("Production EU", tenantUrl());
        update.put("v2Token", "");
        update.put("alertTypes", List.of("dlp"));
        update.put("alertsInitialRangeDays", 30);
        tenant.requests().clear();
        mvc.perform(withJson(asAdmin(put("/api/tenants/" + id)), update))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Production EU"))
                .andExpect(jsonPath("$.alertTypes", contains("dlp")))
                .andExpect(jsonPath("$.eventTypes", contains("application", "audit")))
                .andExpect(jsonPath("$.alertsInitialRangeDays").value(30))
                .andExpect(jsonPath("$.v2TokenSet").value(true))
                .andExpect(jsonPath("$.v1TokenSet").value(true));
        assertThat(tenant.requests().entries()).hasSize(3);
        assertThat(tenants.findById(id).orElseThrow().encryptedV2Token()).isEqualTo(storedV2);

        update.put("v2Token", WRONG_TOKEN);
        mvc.perform(withJson(asAdmin(put("/api/tenants/" + id)), update))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.v2Token", containsString("invalid or expired")));
        assertThat(tenants.findById(id).orElseThrow().encryptedV2Token()).isEqualTo(storedV2);

        mvc.perform(asAdmin(delete("/api/tenants/" + id))).andExpect(status().isNoContent());
        mvc.perform(asAdmin(get("/api/tenants/" + id))).andExpect(status().isNotFound());
    }
}
