package io.cloudexchange.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudexchange.core.api.ApiTestSupport;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class ApiClientApiTest extends ApiTestSupport {

    @Autowired
    private ApiClientRepository clients;

    private JsonNode createClient() throws Exception {
        String answer = mvc.perform(withJson(asAdmin(post("/api/auth/clients")), Map.of("description", "SIEM script", "expiresInDays", 30)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.clientId").isNotEmpty())
                .andExpect(jsonPath("$.clientSecret").isNotEmpty())
                .andExpect(jsonPath("$.expiresAt").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        return readJson(answer);
    }

    private String exchangeForm(String clientId, String secret) throws Exception {
        String answer = mvc.perform(post("/api/auth").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("grant_type", "client_credentials").param("client_id", clientId)
                        .param("client_secret", secret).param("scope", ""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token_type").value("Bearer"))
                .andExpect(jsonPath("$.expires_in").value(3600))
                .andExpect(jsonPath("$.password_change_required").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        return readJson(answer).path("access_token").asString();
    }

    @Test
    void clientCredentialsGiveATokenWithTheOwnersRoles() throws Exception {
        JsonNode client = createClient();
        String clientId = client.path("clientId").asString();
        String secret = client.path("clientSecret").asString();

        String listed = mvc.perform(asAdmin(get("/api/auth/clients")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].clientId").value(clientId))
                .andExpect(jsonPath("$[0].description").value("SIEM script"))
                .andExpect(jsonPath("$[0].clientSecret").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        assertThat(listed).doesNotContain(secret);
        assertThat(clients.findById(clientId).orElseThrow().secretHash()).startsWith("{bcrypt}").doesNotContain(secret);

        String token = exchangeForm(clientId, secret);
        mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(jsonPath("$.username").value(ADMIN))
                .andExpect(jsonPath("$.roles[0]").value("SUPER_ADMIN"));
        mvc.perform(get("/api/tenants").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk());

        mvc.perform(withJson(post("/api/auth"), Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.access_token").isNotEmpty());
    }

    @Test
    void wrongSecretUnknownClientAndWrongGrantAreRefused() throws Exception {
        String clientId = createClient().path("clientId").asString();
        mvc.perform(withJson(post("/api/auth"), Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", "nope")))
                .andExpect(status().isUnauthorized());
        mvc.perform(withJson(post("/api/auth"), Map.of("grant_type", "client_credentials", "client_id", "ghost", "client_secret", "nope")))
                .andExpect(status().isUnauthorized());
        mvc.perform(withJson(post("/api/auth"), Map.of("grant_type", "password", "client_id", clientId)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.grant_type").value("must be client_credentials"))
                .andExpect(jsonPath("$.errors.client_secret").value("is required"));
    }

    @Test
    void revokedClientAndItsTokensStopWorking() throws Exception {
        JsonNode client = createClient();
        String clientId = client.path("clientId").asString();
        String token = exchangeForm(clientId, client.path("clientSecret").asString());

        mvc.perform(asAdmin(delete("/api/auth/clients/" + clientId))).andExpect(status().isNoContent());
        mvc.perform(get("/api/tenants").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isUnauthorized());
        mvc.perform(withJson(post("/api/auth"), Map.of("grant_type", "client_credentials", "client_id", clientId,
                        "client_secret", client.path("clientSecret").asString())))
                .andExpect(status().isUnauthorized());
        mvc.perform(asAdmin(delete("/api/auth/clients/" + clientId))).andExpect(status().isNotFound());
    }

    @Test
    void expiredClientAndItsTokensStopWorking() throws Exception {
        JsonNode client = createClient();
        String clientId = client.path("clientId").asString();
        String secret = client.path("clientSecret").asString();
        String token = exchangeForm(clientId, secret);

        ApiClient stored = clients.findById(clientId).orElseThrow();
        clients.save(new ApiClient(clientId, stored.secretHash(), stored.description(), stored.ownerUsername(),
                stored.createdAt(), Instant.now().minusSeconds(1)));
        mvc.perform(get("/api/tenants").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isUnauthorized());
        mvc.perform(withJson(post("/api/auth"), Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void expiryIsBounded() throws Exception {
        mvc.perform(withJson(asAdmin(post("/api/auth/clients")), Map.of("expiresInDays", 0)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.expiresInDays").value("must be between 1 and 3650"));
        assertThat(clients.count()).isZero();
    }
}
