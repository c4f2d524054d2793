package io.cloudexchange.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudexchange.core.api.ApiTestSupport;
import io.cloudexchange.core.security.PasswordHashing;
import io.cloudexchange.core.users.Role;
import io.cloudexchange.core.users.User;
import io.cloudexchange.core.users.UserAccounts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class AuthApiTest extends ApiTestSupport {

    private static final String NEW_PASSWORD = "a much longer password";

    @Test
    void requestsWithoutTokenGetProblem401() throws Exception {
        mvc.perform(get("/api/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, org.hamcrest.Matchers.startsWith("Bearer")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/auth/clients")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
    }

    @Test
    void invalidTokenIsRejected() throws Exception {
        String token = adminToken();
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + tampered))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("The bearer token is invalid, expired or revoked"));
    }

    @Test
    void healthAndApiDocsAreOpen() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        mvc.perform(get("/api/docs/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"))
                .andExpect(jsonPath("$.paths['/api/configurations']").exists())
                .andExpect(jsonPath("$.paths['/api/auth/login'].post.security").isEmpty());
        String swaggerUi = mvc.perform(get("/api/docs")).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(swaggerUi)).andExpect(status().isOk());
        mvc.perform(get("/api/docs/openapi.json/swagger-config")).andExpect(status().isOk());
    }

    @Test
    void loginReturnsBearerTokenForMe() throws Exception {
        String body = mvc.perform(withJson(post("/api/auth/login"), Map.of("username", ADMIN, "password", ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token_type").value("Bearer"))
                .andExpect(jsonPath("$.expires_in").value(3600))
                .andExpect(jsonPath("$.password_change_required").value(false))
                .andReturn().getResponse().getContentAsString();
        String token = readJson(body).path("access_token").asString();

        mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(ADMIN))
                .andExpect(jsonPath("$.roles[0]").value("SUPER_ADMIN"))
                .andExpect(jsonPath("$.passwordChangeRequired").value(false));
        assertThat(users.findByUsername(ADMIN).orElseThrow().lastLoginAt()).isNotNull();
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() throws Exception {
        String wrongPassword = mvc.perform(withJson(post("/api/auth/login"), Map.of("username", ADMIN, "password", "nope")))
                .andExpect(status().isUnauthorized())
                .andReturn().getResponse().getContentAsString();
        String unknownUser = mvc.perform(withJson(post("/api/auth/login"), Map.of("username", "ghost", "password", "nope")))
                .andExpect(status().isUnauthorized())
                .andReturn().getResponse().getContentAsString();
        assertThat(unknownUser).isEqualTo(wrongPassword);
    }

    @Test
    void malformedLoginBodyIsA400() throws Exception {
        mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON).content("{\"username\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Malformed JSON"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("line 1")));
        mvc.perform(withJson(post("/api/auth/login"), Map.of("username", ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.password").value("is required"));
    }

    @Test
    void fiveFailuresLockTheAccountForAWhile() throws Exception {
        for (int i = 0; i < UserAccounts.MAX_FAILED_LOGINS; i++) {
            mvc.perform(withJson(post("/api/auth/login"), Map.of("username", ADMIN, "password", "wrong " + i)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(withJson(post("/api/auth/login"), Map.of("username", ADMIN, "password", ADMIN_PASSWORD)))
                .andExpect(status().isUnauthorized());
        assertThat(users.findByUsername(ADMIN).orElseThrow().lockedUntil()).isAfter(Instant.now().plusSeconds(14 * 60));

        User locked = users.findByUsername(ADMIN).orElseThrow();
        users.save(new User(locked.id(), locked.username(), locked.passwordHash(), locked.roles(), false, false, 0,
                Instant.now().minusSeconds(1), null, locked.passwordChangedAt(), locked.accessChangedAt(), List.of(),
                locked.createdAt()));
        mvc.perform(withJson(post("/api/auth/login"), Map.of("username", ADMIN, "password", ADMIN_PASSWORD)))
                .andExpect(status().isOk());
    }

    @Test
    void initialPasswordMustBeChangedBeforeAnythingElse() throws Exception {
        users.save(User.create("fresh", PasswordHashing.encoder().encode(ADMIN_PASSWORD), Set.of(Role.SUPER_ADMIN.name()),
                true, Instant.now().minusSeconds(5)));
        String token = login("fresh", ADMIN_PASSWORD);

        mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.passwordChangeRequired").value(true));
        mvc.perform(get("/api/auth/clients").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Password change required"));

        mvc.perform(withJson(post("/api/auth/password"), Map.of("currentPassword", ADMIN_PASSWORD, "newPassword", "short"))
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.newPassword").value("must be at least 12 characters"));
        mvc.perform(withJson(post("/api/auth/password"), Map.of("currentPassword", ADMIN_PASSWORD, "newPassword", ADMIN_PASSWORD))
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.newPassword").value("must differ from your last 5 passwords"));
        mvc.perform(withJson(post("/api/auth/password"), Map.of("currentPassword", "not it", "newPassword", NEW_PASSWORD))
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.currentPassword").exists());
        mvc.perform(withJson(post("/api/auth/password"), Map.of("currentPassword", ADMIN_PASSWORD, "newPassword", NEW_PASSWORD))
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isNoContent());

        assertThat(users.findByUsername("fresh").orElseThrow().mustChangePassword()).isFalse();
        mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isUnauthorized());
        String newToken = login("fresh", NEW_PASSWORD);
        mvc.perform(get("/api/auth/clients").header(HttpHeaders.AUTHORIZATION, "Bearer " + newToken))
                .andExpect(status().isOk());
    }
}
