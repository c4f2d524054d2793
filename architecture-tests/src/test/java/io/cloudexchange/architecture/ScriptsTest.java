package io.cloudexchange.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cloudexchange.architecture.Scripts.Result;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The operational scripts: syntax, help, and {@code setup --non-interactive --skip-build} against a
 * temporary data folder (no build, no admin CLI, so it stays fast).
 */
class ScriptsTest {

    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    private static Path root;

    @TempDir
    Path temp;

    @BeforeAll
    static void requireBash() {
        root = DockerComposeFileTest.projectRoot();
        assumeTrue(Scripts.onPath("bash"), "bash is not installed: scripts not tested");
    }

    @ParameterizedTest
    @ValueSource(strings = {"setup", "start", "stop", ".ci/run"})
    void scriptsAreExecutableAndParse(String script) throws Exception {
        assertThat(root.resolve(script)).isExecutable();
        Result result = run(List.of("bash", "-n", script), Map.of());
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(Files.readString(root.resolve(script))).contains("set -euo pipefail");
    }

    @ParameterizedTest
    @ValueSource(strings = {"setup", "start", "stop"})
    void helpPrintsUsage(String script) throws Exception {
        Result result = run(List.of("./" + script, "--help"), Map.of());
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("Usage: ./" + script);
    }

    @Test
    void rotateSecretsKeyIsDocumentedAndRefusesAnInstallationNotSetUp() throws Exception {
        assertThat(run(List.of("./setup", "--help"), Map.of()).output()).contains("--rotate-secrets-key");

        Result result = run(List.of("./setup", "--rotate-secrets-key", "--data-dir", temp.resolve("empty").toString()), Map.of());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("is not set up yet");
    }

    @Test
    void unknownOptionFails() throws Exception {
        Result result = run(List.of("./setup", "--no-such-option"), Map.of());
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("unknown option");
    }

    @Test
    void setupCreatesDataFolderSecretsAndCertificateAndIsIdempotent() throws Exception {
        assumeTrue(Scripts.onPath("openssl"), "openssl is not installed");
        Path data = temp.resolve("data");

        Result first = setup(data, null);
        assertThat(first.exitCode()).as(first.output()).isZero();

        for (String folder : List.of("secrets", "ssl_certs", "ca_certs", "custom_plugins", "embedded", "logs", "config", "run")) {
            assertThat(data.resolve(folder)).as(folder).isDirectory();
        }
        assertThat(Files.getPosixFilePermissions(data.resolve("secrets"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        Path masterKey = data.resolve("secrets/master.key");
        Path jwtKey = data.resolve("secrets/jwt.key");
        Path certificate = data.resolve("ssl_certs/cte_cert.crt");
        Path privateKey = data.resolve("ssl_certs/cte_cert_key.key");
        Path envFile = data.resolve("config/cloudexchange.env");
        for (Path secret : List.of(masterKey, jwtKey, privateKey, envFile)) {
            assertThat(Files.getPosixFilePermissions(secret)).as(secret.toString()).isEqualTo(OWNER_READ_WRITE);
        }
        for (Path key : List.of(masterKey, jwtKey)) {
            List<String> lines = Files.readAllLines(key, StandardCharsets.US_ASCII);
            assertThat(lines).hasSize(1);
            assertThat(java.util.Base64.getDecoder().decode(lines.get(0))).hasSize(32);
        }

        X509Certificate cert = readCertificate(certificate);
        cert.checkValidity();
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
        assertThat(cert.getSigAlgName()).containsIgnoringCase("SHA256");
        assertThat(cert.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
        List<String> names = new ArrayList<>();
        for (List<?> san : cert.getSubjectAlternativeNames()) {
            names.add(String.valueOf(san.get(1)));
        }
        assertThat(names).contains("localhost", "127.0.0.1");
        assertThat(Files.readString(privateKey)).startsWith("-----BEGIN").contains("PRIVATE KEY-----");

        String env = Files.readString(envFile);
        assertThat(env).contains("CE_UI_PORT='8443'", "CE_CORE_PORT='8081'", "CLOUDEXCHANGE_MONGODB_URI=''",
                "CLOUDEXCHANGE_RABBITMQ_URI=''", "CLOUDEXCHANGE_GATEWAY_TLS_VERSIONS='TLSv1.3'",
                "CLOUDEXCHANGE_MESSAGING_QUORUM_QUEUES='false'", "CLOUDEXCHANGE_DATA_DIR='" + data.toAbsolutePath() + "'");

        byte[] master = Files.readAllBytes(masterKey);
        byte[] jwt = Files.readAllBytes(jwtKey);
        byte[] pem = Files.readAllBytes(certificate);
        byte[] key = Files.readAllBytes(privateKey);

        Result second = setup(data, null);
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(Files.readAllBytes(masterKey)).isEqualTo(master);
        assertThat(Files.readAllBytes(jwtKey)).isEqualTo(jwt);
        assertThat(Files.readAllBytes(certificate)).isEqualTo(pem);
        assertThat(Files.readAllBytes(privateKey)).isEqualTo(key);
    }

    @Test
    void setupResolvesTheConfigFile() throws Exception {
        assumeTrue(Scripts.onPath("openssl"), "openssl is not installed");
        Path config = temp.resolve("cloudexchange.config");
        Files.writeString(config, """
                # comment
                UI_PORT = "9443"
                TLS_VERSION=1.2,1.3
                MONGODB_URI='mongodb://db.example:27017/ce'
                SOMETHING_ELSE=1
                """);
        Path data = temp.resolve("data");
        Result result = setup(data, config);
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("unknown key 'SOMETHING_ELSE'");
        assertThat(Files.readString(data.resolve("config/cloudexchange.env")))
                .contains("CE_UI_PORT='9443'", "CLOUDEXCHANGE_GATEWAY_TLS_VERSIONS='TLSv1.2,TLSv1.3'",
                        "CLOUDEXCHANGE_MONGODB_URI='mongodb://db.example:27017/ce'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UI_PORT=abc", "CORE_PORT=70000", "TLS_VERSION=1.1", "DEPLOYMENT=kubernetes",
            "QUORUM_QUEUES=maybe", "PROXY_URL=ftp://proxy", "UI_PORT=8081", "not a setting"})
    void setupRejectsBadConfigValues(String line) throws Exception {
        Path config = temp.resolve("cloudexchange.config");
        Files.writeString(config, line + "\n");
        Result result = setup(temp.resolve("data"), config);
        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("ERROR:");
    }

    private Result setup(Path data, Path config) throws Exception {
        Path configFile = config != null ? config : temp.resolve("absent.config");
        return run(List.of("./setup", "--non-interactive", "--skip-build", "--data-dir", data.toString(),
                "--config", configFile.toString()), Map.of());
    }

    private static X509Certificate readCertificate(Path file) throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        Collection<? extends java.security.cert.Certificate> certs =
                factory.generateCertificates(new ByteArrayInputStream(Files.readAllBytes(file)));
        assertThat(certs).hasSize(1);
        return (X509Certificate) certs.iterator().next();
    }

    private static Result run(List<String> command, Map<String, String> extraEnv) throws Exception {
        return Scripts.run(root, command, extraEnv, Duration.ofSeconds(120));
    }
}
