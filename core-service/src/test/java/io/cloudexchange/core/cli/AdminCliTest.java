package io.cloudexchange.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.core.security.PasswordHashing;
import io.cloudexchange.core.users.InitialAdminFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminCliTest {

    @TempDir
    Path dataDir;

    private record Outcome(int exitCode, List<String> lines) {
        String password() {
            return lines.stream().filter(l -> l.startsWith("password: ")).findFirst().orElseThrow().substring(10);
        }
    }

    private Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = AdminCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void initAdminWritesAHashOnceAndPrintsThePasswordOnce() throws Exception {
        Outcome first = run("init-admin", "--data-dir", dataDir.toString());
        assertThat(first.exitCode()).isZero();
        assertThat(first.lines()).first().isEqualTo("username: admin");
        String password = first.password();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);

        Path file = InitialAdminFile.location(dataDir);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String json = Files.readString(file);
        assertThat(json).contains("\"username\":\"admin\"", "\"passwordHash\":\"{bcrypt}", "\"mustChangePassword\":true")
                .doesNotContain(password).doesNotContain("reset");
        assertThat(PasswordHashing.encoder().matches(password, InitialAdminFile.read(file).passwordHash())).isTrue();

        Outcome second = run("init-admin", "--data-dir", dataDir.toString());
        assertThat(second.exitCode()).isZero();
        assertThat(second.lines()).containsExactly("initial admin already created");
        assertThat(Files.readString(file)).isEqualTo(json);
    }

    @Test
    void initAdminAfterImportStillRefuses() throws Exception {
        Files.createDirectories(InitialAdminFile.importedLocation(dataDir).getParent());
        Files.writeString(InitialAdminFile.importedLocation(dataDir), "{}");
        assertThat(run("init-admin", "--data-dir", dataDir.toString()).lines()).containsExactly("initial admin already created");
    }

    @Test
    void resetWritesAFileFlaggedAsReset() throws Exception {
        run("init-admin", "--data-dir", dataDir.toString());
        Outcome reset = run("reset-admin-password", "--data-dir", dataDir.toString());
        assertThat(reset.exitCode()).isZero();
        InitialAdminFile file = InitialAdminFile.read(InitialAdminFile.location(dataDir));
        assertThat(file.reset()).isTrue();
        assertThat(file.mustChangePassword()).isTrue();
        assertThat(PasswordHashing.encoder().matches(reset.password(), file.passwordHash())).isTrue();
    }

    @Test
    void wrongArgumentsAreAUsageError() {
        assertThat(run("init-admin").exitCode()).isEqualTo(2);
        assertThat(run("frobnicate", "--data-dir", dataDir.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void rotateSecretsKeyNeedsASetUpDataFolderAndKeepsTheOldKey() throws Exception {
        assertThat(run("rotate-secrets-key", "--data-dir", dataDir.toString()).exitCode()).isEqualTo(1);

        Files.createDirectories(dataDir.resolve("secrets"));
        String before = io.cloudexchange.core.secrets.SecretKeyRing.load(dataDir).primaryId();
        Outcome rotated = run("rotate-secrets-key", "--data-dir", dataDir.toString());

        assertThat(rotated.exitCode()).isZero();
        assertThat(rotated.lines().get(0)).startsWith("new secrets key: ").doesNotContain(before);
        assertThat(io.cloudexchange.core.secrets.SecretKeyRing.load(dataDir).retiredIds()).containsExactly(before);
    }
}
