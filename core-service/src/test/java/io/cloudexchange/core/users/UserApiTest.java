package io.cloudexchange.core.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudexchange.core.api.ApiTestSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

class UserApiTest extends ApiTestSupport {

    private static final String NEW_PASSWORD = "a much longer passphrase";

    private JsonNode createUser(String username, List<String> roles) throws Exception {
        String answer = mvc.perform(withJson(asAdmin(post("/api/users")), Map.of("username", username, "roles", roles)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.user.username").value(username))
                .andExpect(jsonPath("$.user.active").value(true))
                .andExpect(jsonPath("$.user.mustChangePassword").value(true))
                .andReturn().getResponse().getContentAsString();
        return readJson(answer);
    }

    private String signedInWithChangedPassword(String username, String temporaryPassword) throws Exception {
        String first = login(username, temporaryPassword);
        mvc.perform(withJson(post("/api/auth/password"), Map.of("currentPassword", temporaryPassword, "newPassword", NEW_PASSWORD))
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + first))
                .andExpect(status().isNoContent());
        return login(username, NEW_PASSWORD);
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    @Test
    void createdUserSignsInWithTheTemporaryPasswordAndMustChangeIt() throws Exception {
        JsonNode created = createUser("alice", List.of("READ_ONLY"));
        String temporary = created.path("temporaryPassword").asString();
        assertThat(temporary).hasSizeGreaterThanOrEqualTo(PasswordPolicy.MIN_LENGTH);

        String first = login("alice", temporary);
        mvc.perform(get("/api/tenants").header(HttpHeaders.AUTHORIZATION, bearer(first))).andExpect(status().isForbidden());
        String token = signedInWithChangedPassword("alice", temporary);
        mvc.perform(get("/api/tenants").header(HttpHeaders.AUTHORIZATION, bearer(token))).andExpect(status().isOk());
        mvc.perform(get("/api/users").header(HttpHeaders.AUTHORIZATION, bearer(token))).andExpect(status().isForbidden());
        mvc.perform(asAdmin(get("/api/users"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.username == 'alice')].roles[0]").value("READ_ONLY"))
                .andExpect(jsonPath("$[0].passwordHash").doesNotExist());
    }

    @Test
    void refusesUnknownRolesTheSuperAdminRoleAndOverLongFields() throws Exception {
        mvc.perform(withJson(asAdmin(post("/api/users")), Map.of("username", "bob", "roles", List.of("NOPE"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.roles").value("unknown role 'NOPE'"));
        mvc.perform(withJson(asAdmin(post("/api/users")), Map.of("username", "bob", "roles", List.of("SUPER_ADMIN"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.roles").value("SUPER_ADMIN is held by exactly one user and cannot be granted"));
        mvc.perform(withJson(asAdmin(post("/api/users")), Map.of("username", "b".repeat(101), "roles", List.of("ADMIN"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.username").value("must be at most 100 characters"));
        mvc.perform(withJson(asAdmin(post("/api/roles")), Map.of("name", "R", "description", "d".repeat(501))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.description").value("must be at most 500 characters"));
        createUser("bob", List.of("ADMIN"));
        mvc.perform(withJson(asAdmin(post("/api/users")), Map.of("username", "bob", "roles", List.of("ADMIN"))))
                .andExpect(status().isConflict());
    }

    @Test
    void superAdminCannotBeDemotedDisabledOrDeleted() throws Exception {
        String id = users.findByUsername(ADMIN).orElseThrow().id();
        mvc.perform(withJson(asAdmin(put("/api/users/" + id)), Map.of("roles", List.of("ADMIN"), "active", true)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.roles").value("the super admin cannot be demoted"));
        mvc.perform(withJson(asAdmin(put("/api/users/" + id)), Map.of("roles", List.of("SUPER_ADMIN"), "active", false)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.active").value("the super admin cannot be disabled"));
        mvc.perform(asAdmin(delete("/api/users/" + id)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The super admin cannot be deleted"));
        mvc.perform(asAdmin(get("/api/me"))).andExpect(status().isOk());
    }

    @Test
    void disablingChangingRolesOrDeletingRevokesTokensAndApiClients() throws Exception {
        JsonNode created = createUser("carol", List.of("ADMIN"));
        String id = created.path("user").path("id").asString();
        String token = signedInWithChangedPassword("carol", created.path("temporaryPassword").asString());

        mvc.perform(withJson(asAdmin(put("/api/users/" + id)), Map.of("roles", List.of("READ_ONLY"), "active", true)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.roles[0]").value("READ_ONLY"));
        mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, bearer(token))).andExpect(status().isUnauthorized());

        token = login("carol", NEW_PASSWORD);
        String client = mvc.perform(withJson(post("/api/auth/clients"), Map.of("description", "script"))
                        .header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        mvc.perform(withJson(asAdmin(put("/api/users/" + id)), Map.of("roles", List.of("READ_ONLY"), "active", false)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
        mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, bearer(token))).andExpect(status().isUnauthorized());
        mvc.perform(withJson(post("/api/auth/login"), Map.of("username", "carol", "password", NEW_PASSWORD)))
                .andExpect(status().isUnauthorized());
        mvc.perform(withJson(post("/api/auth"), Map.of("grant_type", "client_credentials",
                        "client_id", readJson(client).path("clientId").asString(),
                        "client_secret", readJson(client).path("clientSecret").asString())))
                .andExpect(status().isUnauthorized());

        mvc.perform(asAdmin(delete("/api/users/" + id))).andExpect(status().isNoContent());
        assertThat(users.findByUsername("carol")).isEmpty();
        assertThat(mongo.getCollection("api_clients").countDocuments()).isZero();
    }

    @Test
    void resetGivesATemporaryPasswordAndRevokesTokens() throws Exception {
        JsonNode created = createUser("dave", List.of("READ_ONLY"));
        String id = created.path("user").path("id").asString();
        String token = signedInWithChangedPassword("dave", created.path("temporaryPassword").asString());

        String answer = mvc.perform(asAdmin(post("/api/users/" + id + "/reset-password")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.user.mustChangePassword").value(true))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, bearer(token))).andExpect(status().isUnauthorized());
        String temporary = readJson(answer).path("temporaryPassword").asString();
        mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, bearer(login("dave", temporary))))
                .andExpect(jsonPath("$.passwordChangeRequired").value(true));
    }

    @Test
    void passwordPolicyRefusesShortUsernameAndRecentPasswords() throws Exception {
        JsonNode created = createUser("erin.example", List.of("READ_ONLY"));
        String temporary = created.path("temporaryPassword").asString();
        String token = login("erin.example", temporary);
        expectNewPasswordProblem(token, temporary, "short", "must be at least 12 characters");
        expectNewPasswordProblem(token, temporary, "ERIN.EXAMPLE", "must differ from the username");
        expectNewPasswordProblem(token, temporary, temporary, "must differ from your last 5 passwords");

        token = signedInWithChangedPassword("erin.example", temporary);
        String current = NEW_PASSWORD;
        for (int i = 1; i <= 4; i++) {
            String next = "rotated passphrase " + i;
            changePassword(token, current, next);
            token = login("erin.example", next);
            current = next;
        }
        expectNewPasswordProblem(token, current, NEW_PASSWORD, "must differ from your last 5 passwords");
        changePassword(token, current, temporary);
    }

    private void changePassword(String token, String current, String next) throws Exception {
        mvc.perform(withJson(post("/api/auth/password"), Map.of("currentPassword", current, "newPassword", next))
                        .header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isNoContent());
    }

    private void expectNewPasswordProblem(String token, String current, String next, String problem) throws Exception {
        mvc.perform(withJson(post("/api/auth/password"), Map.of("currentPassword", current, "newPassword", next))
                        .header(HttpHeaders.AUTHORIZATION, bearer(token)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.newPassword").value(problem));
    }

    @Test
    void customRoleGrantsItsAreasAndChangesApplyToExistingTokens() throws Exception {
        mvc.perform(withJson(asAdmin(post("/api/roles")), Map.of("name", "CTE_READER", "description", "reads CTE",
                        "permissions", Map.of("CTE", "READ"))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.permissions.CTE").value("READ"))
                .andExpect(jsonPath("$.permissions.SETTINGS").value("NONE"));
        JsonNode created = createUser("frank", List.of("CTE_READER"));
        String token = signedInWithChangedPassword("frank", created.path("temporaryPassword").asString());
        mvc.perform(get("/api/cte/indicators").header(HttpHeaders.AUTHORIZATION, bearer(token))).andExpect(status().isOk());
        mvc.perform(get("/api/tenants").header(HttpHeaders.AUTHORIZATION, bearer(token))).andExpect(status().isForbidden());

        mvc.perform(withJson(asAdmin(put("/api/roles/CTE_READER")), Map.of("name", "CTE_READER",
                        "permissions", Map.of("CTE", "READ", "SETTINGS", "READ"))))
                .andExpect(status().isOk());
        mvc.perform(get("/api/tenants").header(HttpHeaders.AUTHORIZATION, bearer(token))).andExpect(status().isOk());

        mvc.perform(asAdmin(delete("/api/roles/CTE_READER"))).andExpect(status().isBadRequest());
        mvc.perform(asAdmin(delete("/api/roles/ADMIN"))).andExpect(status().isBadRequest());
        mvc.perform(asAdmin(get("/api/roles"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("SUPER_ADMIN"))
                .andExpect(jsonPath("$[0].builtIn").value(true))
                .andExpect(jsonPath("$[3].name").value("CTE_READER"));
    }
}
