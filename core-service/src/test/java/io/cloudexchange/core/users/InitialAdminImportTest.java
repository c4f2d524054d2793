package io.cloudexchange.core.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import io.cloudexchange.core.api.ApiTestSupport;
import io.cloudexchange.core.security.PasswordHashing;
import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

/** The startup import of {@code initial-admin.json}, as {@code AdminCli} writes it. */
class InitialAdminImportTest extends ApiTestSupport {

    private static final String GENERATED = "generated-password-1234";

    @Autowired
    private InitialAdminImporter importer;

    private void writeFile(String username, boolean reset) throws Exception {
        new InitialAdminFile(username, PasswordHashing.encoder().encode(GENERATED), true, reset)
                .write(InitialAdminFile.location(DATA_DIR));
    }

    @Test
    void createsTheAdminWhenNoUserExistsAndConsumesTheFile() throws Exception {
        users.deleteAll();
        writeFile("admin", false);

        importer.importPending();

        User admin = users.findByUsername("admin").orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.SUPER_ADMIN.name());
        assertThat(admin.mustChangePassword()).isTrue();
        assertThat(Files.exists(InitialAdminFile.location(DATA_DIR))).isFalse();
        assertThat(Files.exists(InitialAdminFile.importedLocation(DATA_DIR))).isTrue();
        String token = login("admin", GENERATED);
        mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(jsonPath("$.passwordChangeRequired").value(true));
    }

    @Test
    void withoutResetItNeverReplacesExistingUsers() throws Exception {
        writeFile("admin", false);

        importer.importPending();

        assertThat(PasswordHashing.encoder().matches(ADMIN_PASSWORD, users.findByUsername(ADMIN).orElseThrow().passwordHash())).isTrue();
        assertThat(Files.exists(InitialAdminFile.location(DATA_DIR))).isFalse();
    }

    @Test
    void resetReplacesThePasswordAndRequiresAChange() throws Exception {
        users.save(User.create("other", "{noop}x", Set.of(Role.SUPER_ADMIN.name()), false, java.time.Instant.now()));
        writeFile(ADMIN, true);

        importer.importPending();

        User admin = users.findByUsername(ADMIN).orElseThrow();
        assertThat(PasswordHashing.encoder().matches(GENERATED, admin.passwordHash())).isTrue();
        assertThat(admin.mustChangePassword()).isTrue();
        assertThat(login(ADMIN, ADMIN_PASSWORD)).isEmpty();
    }
}
