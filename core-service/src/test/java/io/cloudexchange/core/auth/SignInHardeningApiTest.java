package io.cloudexchange.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudexchange.core.api.ApiTestSupport;
import io.cloudexchange.core.audit.AuditAction;
import io.cloudexchange.core.audit.AuditEntry;
import io.cloudexchange.core.security.PasswordHashing;
import io.cloudexchange.core.users.Area;
import io.cloudexchange.core.users.CustomRole;
import io.cloudexchange.core.users.CustomRoleRepository;
import io.cloudexchange.core.users.Permission;
import io.cloudexchange.core.users.User;
import io.cloudexchange.core.users.UserAccounts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/** Per-address throttling, token-use audit, /api/me permissions and sign-in input checks. */
class SignInHardeningApiTest extends ApiTestSupport {

    private static final String ATTACKER = "203.0.113.7";
    private static final String OTHER = "198.51.100.20";

    @Autowired
    private CustomRoleRepository customRoles;

    private ResultActions loginFrom(String address, String username, String password) throws Exception {
        return mvc.perform(withJson(post("/api/auth/login"), Map.of("username", username, "password", password))
                .header("X-Forwarded-For", address));
    }

    private List<AuditEntry> audit(AuditAction action) {
        return mongo.find(query(where("action").is(action)), AuditEntry.class);
    }

    @Test
    void anAddressThatFailsTooOftenIsThrottledWhateverTheUsernames() throws Exception {
        for (int i = 0; i < AddressThrottle.MAX_FAILURES; i++) {
            loginFrom(ATTACKER, "guess" + i, "wrong").andExpect(status().isUnauthorized());
        }

        loginFrom(ATTACKER, ADMIN, ADMIN_PASSWORD)
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, org.hamcrest.Matchers.matchesPattern("\\d+")))
                .andExpect(jsonPath("$.title").value("Too many sign-in attempts"));
        mvc.perform(post("/api/auth").contentType(MediaType.APPLICATION_FORM_URLENCODED).header("X-Forwarded-For", ATTACKER)
                        .param("grant_type", "client_credentials").param("client_id", "x").param("client_secret", "y"))
                .andExpect(status().isTooManyRequests());
        loginFrom(OTHER, ADMIN, ADMIN_PASSWORD).andExpect(status().isOk());

        assertThat(audit(AuditAction.ADDRESS_THROTTLED)).singleElement()
                .satisfies(entry -> assertThat(entry.targetId()).isEqualTo(ATTACKER));
    }

    @Test
    void oneAddressCannotLockEveryAccount() throws Exception {
        int accounts = AddressThrottle.MAX_FAILURES / UserAccounts.MAX_FAILED_LOGINS + 2;
        for (int a = 0; a < accounts; a++) {
            users.save(User.create("user" + a, PasswordHashing.encoder().encode(ADMIN_PASSWORD), Set.of("READ_ONLY"), false,
                    Instant.now()));
        }
        for (int a = 0; a < accounts; a++) {
            for (int i = 0; i < UserAccounts.MAX_FAILED_LOGINS; i++) {
                loginFrom(ATTACKER, "user" + a, "wrong " + i);
            }
        }

        long locked = users.findAll().stream().filter(user -> user.isLocked(Instant.now())).count();
        assertThat(locked).isEqualTo(AddressThrottle.MAX_FAILURES / UserAccounts.MAX_FAILED_LOGINS);
        loginFrom(OTHER, "user" + (accounts - 1), ADMIN_PASSWORD).andExpect(status().isOk());
    }

    @Test
    void aSuccessDoesNotResetTheAddressCount() throws Exception {
        for (int i = 0; i < AddressThrottle.MAX_FAILURES - 1; i++) {
            loginFrom(ATTACKER, "guess" + i, "wrong");
            if (i % 4 == 0) {
                loginFrom(ATTACKER, ADMIN, ADMIN_PASSWORD).andExpect(status().isOk());
            }
        }
        loginFrom(ATTACKER, "one more", "wrong").andExpect(status().isUnauthorized());
        loginFrom(ATTACKER, ADMIN, ADMIN_PASSWORD).andExpect(status().isTooManyRequests());
    }

    @Test
    void unknownUsersLockedAndDisabledAccountsAnswerLikeAWrongPassword() throws Exception {
        users.save(User.create("disabled", PasswordHashing.encoder().encode(ADMIN_PASSWORD), Set.of("READ_ONLY"), false,
                Instant.now()));
        User disabled = users.findByUsername("disabled").orElseThrow();
        new UserAccounts(mongo, java.time.Clock.systemUTC()).setAccess("disabled", disabled.roles(), true);

        String wrong = loginFrom(OTHER, ADMIN, "nope").andReturn().getResponse().getContentAsString();
        String unknown = loginFrom(OTHER, "nobody-here", "nope").andReturn().getResponse().getContentAsString();
        String disabledAnswer = loginFrom(OTHER, "disabled", ADMIN_PASSWORD).andReturn().getResponse().getContentAsString();

        assertThat(unknown).isEqualTo(wrong);
        assertThat(disabledAnswer).isEqualTo(wrong);
    }

    @Test
    void overLongAndMistypedLoginFieldsAreFieldKeyed400s() throws Exception {
        loginFrom(OTHER, "u".repeat(101), "p".repeat(1001))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.username").value("must be at most 100 characters"))
                .andExpect(jsonPath("$.errors.password").value("must be at most 1000 characters"));
        mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON).content("{\"username\":{\"a\":1},\"password\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.username").value("has the wrong type or format"));
        mvc.perform(post("/api/auth").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("grant_type", "client_credentials").param("client_id", "c".repeat(101))
                        .param("client_secret", "s".repeat(201)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.client_id").value("must be at most 100 characters"))
                .andExpect(jsonPath("$.errors.client_secret").value("must be at most 200 characters"));
        mvc.perform(withJson(asAdmin(post("/api/users")), Map.of("username", "newbie", "roles", List.of("NO_SUCH_ROLE"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.roles").value("unknown role 'NO_SUCH_ROLE'"));
    }

    @Test
    void clientTokenUseIsAuditedOncePerTokenAndAddress() throws Exception {
        JsonNode client = readJson(mvc.perform(withJson(asAdmin(post("/api/auth/clients")), Map.of("description", "script")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        String first = exchange(client);
        String second = exchange(client);

        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + first).header("X-Forwarded-For", OTHER))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + first).header("X-Forwarded-For", ATTACKER))
                .andExpect(status().isOk());
        mvc.perform(withJson(post("/api/auth/clients"), Map.of("description", "from a client"))
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + second).header("X-Forwarded-For", OTHER))
                .andExpect(status().isCreated());

        List<AuditEntry> uses = audit(AuditAction.TOKEN_USED);
        assertThat(uses).hasSize(3).allSatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo(ADMIN);
            assertThat(entry.clientId()).isEqualTo(client.path("clientId").asString());
            assertThat(entry.targetType()).isEqualTo("token");
        });
        assertThat(uses).extracting(AuditEntry::sourceAddress).containsExactlyInAnyOrder(OTHER, ATTACKER, OTHER);
        assertThat(uses.stream().map(AuditEntry::targetId).distinct()).hasSize(2);
        assertThat(mongo.find(query(where("action").is(AuditAction.CREATE).and("clientId").is(client.path("clientId").asString())),
                AuditEntry.class)).as("the mutating call is still recorded").hasSize(1);
        mvc.perform(asAdmin(get("/api/me"))).andExpect(status().isOk());
        assertThat(audit(AuditAction.TOKEN_USED)).as("user tokens are not recorded per use").hasSize(3);
    }

    private String exchange(JsonNode client) throws Exception {
        String answer = mvc.perform(post("/api/auth").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("grant_type", "client_credentials").param("client_id", client.path("clientId").asString())
                        .param("client_secret", client.path("clientSecret").asString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return readJson(answer).path("access_token").asString();
    }

    @Test
    void meTellsThePermissionsPerArea() throws Exception {
        Instant now = Instant.now();
        customRoles.save(new CustomRole("CTE_EDITOR", "edits threat exchange", Map.of(Area.CTE, Permission.WRITE,
                Area.SETTINGS, Permission.READ), now, now));
        users.save(User.create("editor", PasswordHashing.encoder().encode(ADMIN_PASSWORD), Set.of("CTE_EDITOR", "READ_ONLY"),
                false, now));
        String token = login("editor", ADMIN_PASSWORD);

        mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.permissions.CTE").value("WRITE"))
                .andExpect(jsonPath("$.permissions.SETTINGS").value("READ"))
                .andExpect(jsonPath("$.permissions.CLS").value("READ"))
                .andExpect(jsonPath("$.auditLog").value(false))
                .andExpect(jsonPath("$.usersAndRoles").value(false));
        mvc.perform(asAdmin(get("/api/me")))
                .andExpect(jsonPath("$.permissions.SETTINGS").value("WRITE"))
                .andExpect(jsonPath("$.auditLog").value(true))
                .andExpect(jsonPath("$.usersAndRoles").value(true));
    }
}
