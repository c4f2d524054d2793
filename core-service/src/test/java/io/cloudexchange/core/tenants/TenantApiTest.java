package io.cloudexchange.core.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudexchange.core.api.ApiTestSupport;
import io.cloudexchange.core.secrets.SecretCipher;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TenantApiTest extends ApiTestSupport {

    private static final String V2_TOKEN = "v2-token-abcdef0123456789";

    @Autowired
    private TenantRepository tenants;
    @Autowired
    private SecretCipher cipher;

    private static Map<String, Object> body(String name, String url) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("url", url);
        body.put("v2Token", V2_TOKEN);
        return body;
    }

    private String create(Map<String, Object> body) throws Exception {
        String answer = mvc.perform(withJson(asAdmin(post("/api/tenants")), body))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        assertThat(answer).doesNotContain(V2_TOKEN);
        return readJson(answer).path("id").asString();
    }

    @Test
    void requiresToken() throws Exception {
        mvc.perform(get("/api/tenants")).andExpect(status().isUnauthorized());
    }

    @Test
    void createsWithNormalisedUrlDefaultsAndHiddenTokens() throws Exception {
        mvc.perform(withJson(asAdmin(post("/api/tenants")), body("Production", "acme.eu")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.url").value("https://acme.eu.goskope.com"))
                .andExpect(jsonPath("$.alertsInitialRangeDays").value(7))
                .andExpect(jsonPath("$.eventsInitialRangeHours").value(24))
                .andExpect(jsonPath("$.useSystemProxy").value(false))
                .andExpect(jsonPath("$.v2TokenSet").value(true))
                .andExpect(jsonPath("$.v1TokenSet").value(false))
                .andExpect(jsonPath("$.v2Token").doesNotExist());
        Tenant stored = tenants.findByName("Production").orElseThrow();
        assertThat(stored.encryptedV2Token()).doesNotContain(V2_TOKEN);
        assertThat(cipher.decrypt(stored.encryptedV2Token())).isEqualTo(V2_TOKEN);
        String listed = mvc.perform(asAdmin(get("/api/tenants"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(listed).contains("Production").doesNotContain(V2_TOKEN);
    }

    @Test
    void rejectsBadFieldsWithFieldErrorsAndSavesNothing() throws Exception {
        Map<String, Object> body = body("", "https://acme.example.com");
        body.remove("v2Token");
        body.put("alertsInitialRangeDays", 91);
        body.put("eventsInitialRangeHours", 0);
        mvc.perform(withJson(asAdmin(post("/api/tenants")), body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.name").value("is required"))
                .andExpect(jsonPath("$.errors.url").value(TenantUrls.EXPECTED))
                .andExpect(jsonPath("$.errors.v2Token").value("is required"))
                .andExpect(jsonPath("$.errors.alertsInitialRangeDays").value("must be between 1 and 90"))
                .andExpect(jsonPath("$.errors.eventsInitialRangeHours").value("must be between 1 and 720"));
        assertThat(tenants.count()).isZero();
    }

    @Test
    void namesAreUnique() throws Exception {
        create(body("Production", "acme"));
        mvc.perform(withJson(asAdmin(post("/api/tenants")), body("Production", "other")))
                .andExpect(status().isConflict());
    }

    @Test
    void emptyTokensOnUpdateKeepTheStoredOnes() throws Exception {
        Map<String, Object> body = body("Production", "acme");
        body.put("v1Token", "v1-token");
        String id = create(body);
        String storedV2 = tenants.findById(id).orElseThrow().encryptedV2Token();

        Map<String, Object> update = body("Production EU", "https://acme.eu.goskope.com");
        update.put("v2Token", "");
        update.put("alertsInitialRangeDays", 30);
        mvc.perform(withJson(asAdmin(put("/api/tenants/" + id)), update))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Production EU"))
                .andExpect(jsonPath("$.alertsInitialRangeDays").value(30))
                .andExpect(jsonPath("$.v2TokenSet").value(true))
                .andExpect(jsonPath("$.v1TokenSet").value(true));
        assertThat(tenants.findById(id).orElseThrow().encryptedV2Token()).isEqualTo(storedV2);

        mvc.perform(asAdmin(delete("/api/tenants/" + id))).andExpect(status().isNoContent());
        mvc.perform(asAdmin(get("/api/tenants/" + id))).andExpect(status().isNotFound());
    }
}
