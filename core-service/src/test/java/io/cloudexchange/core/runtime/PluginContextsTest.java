package io.cloudexchange.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.cloudexchange.core.configurations.PluginConfiguration;
import io.cloudexchange.core.logging.PlatformLogRepository;
import io.cloudexchange.core.plugins.PluginRegistry;
import io.cloudexchange.core.secrets.SecretCipher;
import io.cloudexchange.core.settings.PlatformSettingsRepository;
import io.cloudexchange.core.settings.ProxySettings;
import io.cloudexchange.core.settings.SettingsService;
import io.cloudexchange.core.testsupport.MongoTestConfiguration;
import io.cloudexchange.core.testsupport.MutableClock;
import io.cloudexchange.core.testsupport.TestPluginRegistry;
import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.PlatformVersion;
import io.cloudexchange.plugin.api.Plugin;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PluginDescriptor;
import io.cloudexchange.plugin.api.config.ConfigField;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = PluginContextsTest.Config.class)
class PluginContextsTest {

    private static final Checkpoint STORED_CHECKPOINT = Checkpoint.of("cursor", "42");
    private static final String STORE_PASSWORD = "changeit";

    @TempDir
    static Path dataDir;

    @TempDir
    Path work;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("cloudexchange.data-dir", () -> dataDir.toString());
    }

    @Configuration(proxyBeanMethods = false)
    @Import(MongoTestConfiguration.class)
    @ComponentScan(basePackageClasses = PluginContexts.class,
            excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*Tests?(\\$.*)?"))
    static class Config {

        @Bean
        PluginRegistry pluginRegistry() {
            return new TestPluginRegistry(new FormPlugin());
        }

        @Bean
        CheckpointReader checkpointReader() {
            return (configurationId, stream) -> CheckpointReader.DEFAULT_STREAM.equals(stream)
                    ? STORED_CHECKPOINT : Checkpoint.initial();
        }
    }

    /** A plugin with defaults and a secret in its form. */
    static final class FormPlugin implements Plugin {

        @Override
        public PluginDescriptor descriptor() {
            return new PluginDescriptor("form-plugin", "Form plugin", "2.0.0", null, Set.of(PlatformModule.CTE),
                    "0.1.0", Set.of());
        }

        @Override
        public ConfigSchema configSchema() {
            return ConfigSchema.of(ConfigField.text("url", "URL").withDefault("https://default.example"),
                    ConfigField.password("api_key", "API key").required(),
                    ConfigField.number("page_size", "Page size").withDefault(100));
        }
    }

    @Autowired PluginContexts contexts;
    @Autowired SecretCipher cipher;
    @Autowired SettingsService settings;
    @Autowired PlatformSettingsRepository platformSettings;
    @Autowired PlatformLogRepository logs;
    @Autowired MongoTemplate mongo;
    @Autowired MutableClock clock;

    private HttpServer server;

    @BeforeEach
    void cleanSlate() throws IOException {
        mongo.getCollection("plugin_storage").deleteMany(new Document());
        platformSettings.deleteAll();
        logs.deleteAll();
        Path caCerts = dataDir.resolve("ca_certs");
        if (Files.isDirectory(caCerts)) {
            try (var files = Files.list(caCerts)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void theContextCarriesDefaultsDecryptedSecretsCheckpointIdentityAndLogger() {
        PluginContext context = contexts.forConfiguration(configuration("cfg-1",
                Map.of("url", "https://feed.example"), Map.of("api_key", cipher.encrypt("s3cr3t")), false, true));

        assertThat(context.config().string("url")).isEqualTo("https://feed.example");
        assertThat(context.config().string("api_key")).isEqualTo("s3cr3t");
        assertThat(context.config().number("page_size", 0)).isEqualTo(100);
        assertThat(context.configurationId()).isEqualTo("cfg-1");
        assertThat(context.configurationName()).isEqualTo("config cfg-1");
        assertThat(context.checkpoint()).isEqualTo(STORED_CHECKPOINT);
        assertThat(context.userAgent()).isEqualTo("cloud-exchange/" + PlatformVersion.current() + " form-plugin/2.0.0");
        assertThat(context.clock()).isSameAs(clock);

        context.logger().error("feed refused the key", "FORM-1001");

        assertThat(logs.findAll()).singleElement().satisfies(entry -> {
            assertThat(entry.source()).isEqualTo("configuration:cfg-1");
            assertThat(entry.errorCode()).isEqualTo("FORM-1001");
            assertThat(entry.message()).isEqualTo("feed refused the key");
        });
    }

    @Test
    void storagePersistsPerConfigurationAndStaysInMemoryForAnUnsavedOne() {
        contexts.forConfiguration(configuration("cfg-1", Map.of(), Map.of(), false, true)).storage()
                .put("token.v1", "abc");
        var later = contexts.forConfiguration(configuration("cfg-1", Map.of(), Map.of(), false, true)).storage();
        var other = contexts.forConfiguration(configuration("cfg-2", Map.of(), Map.of(), false, true)).storage();

        assertThat(later.get("token.v1")).contains("abc");
        assertThat(later.asMap()).isEqualTo(Map.of("token.v1", "abc"));
        assertThat(other.asMap()).isEmpty();
        later.remove("token.v1");
        assertThat(later.get("token.v1")).isEmpty();

        var unsaved = contexts.forConfiguration(configuration(null, Map.of(), Map.of(), false, true)).storage();
        unsaved.put("k", "v");
        assertThat(unsaved.get("k")).contains("v");
        assertThat(contexts.forConfiguration(configuration(null, Map.of(), Map.of(), false, true)).storage().asMap())
                .isEmpty();
        assertThat(mongo.getCollection("plugin_storage").countDocuments(new Document("_id", null))).isZero();
    }

    @Test
    void tlsValidationRefusesAnUnknownCertificateUnlessTurnedOffOrItsCaIsAdded() throws Exception {
        Path certificate = startSelfSignedHttpsServer();
        URI uri = URI.create("https://localhost:" + server.getAddress().getPort() + "/hello");

        PluginContext validating = contexts.forConfiguration(configuration("cfg-1", Map.of(), Map.of(), false, true));
        assertThatThrownBy(() -> get(validating, uri)).isInstanceOf(SSLHandshakeException.class);

        PluginContext trusting = contexts.forConfiguration(configuration("cfg-2", Map.of(), Map.of(), false, false));
        assertThat(get(trusting, uri).body()).isEqualTo("hello over TLS");
        assertThat(logs.findAll()).anySatisfy(entry -> {
            assertThat(entry.source()).isEqualTo("configuration:cfg-2");
            assertThat(entry.errorCode()).isEqualTo("CE-2102");
        });

        Files.createDirectories(dataDir.resolve("ca_certs"));
        Files.copy(certificate, dataDir.resolve("ca_certs/local-test-ca.crt"));
        PluginContext withCa = contexts.forConfiguration(configuration("cfg-1", Map.of(), Map.of(), false, true));
        assertThat(get(withCa, uri).body()).isEqualTo("hello over TLS");
    }

    @Test
    void configurationsUsingTheSystemProxyGoThroughItWithItsCredentials() throws Exception {
        String expected = "Basic " + Base64.getEncoder().encodeToString("proxy-user:proxy-pw".getBytes(StandardCharsets.UTF_8));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            if (expected.equals(exchange.getRequestHeaders().getFirst("Proxy-Authorization"))) {
                respond(exchange, 200, "proxied " + exchange.getRequestURI());
            } else {
                exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"test proxy\"");
                respond(exchange, 407, "");
            }
        });
        server.start();
        settings.updateProxy(new ProxySettings("http://127.0.0.1:" + server.getAddress().getPort(), "proxy-user",
                cipher.encrypt("proxy-pw")));

        PluginContext context = contexts.forConfiguration(configuration("cfg-1", Map.of(), Map.of(), true, true));
        HttpResponse<String> response = get(context, URI.create("http://upstream.invalid/hello"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("proxied http://upstream.invalid/hello");
        assertThat(context.httpClient().proxy()).isPresent();
        assertThat(contexts.forConfiguration(configuration("cfg-2", Map.of(), Map.of(), false, true)).httpClient().proxy())
                .isEmpty();
    }

    private PluginConfiguration configuration(String id, Map<String, Object> parameters, Map<String, String> secrets,
                                              boolean useSystemProxy, boolean sslValidation) {
        Instant now = clock.instant();
        return new PluginConfiguration(id, "config " + id, "form-plugin", PlatformModule.CTE, parameters, secrets,
                true, 300, useSystemProxy, sslValidation, now, now, null);
    }

    private static HttpResponse<String> get(PluginContext context, URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).header("User-Agent", context.userAgent()).build();
        return context.httpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Starts an HTTPS server with a fresh self-signed certificate; returns the certificate as a PEM file. */
    private Path startSelfSignedHttpsServer() throws Exception {
        Path keyStore = work.resolve("server.p12");
        Path certificate = work.resolve("server.crt");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keyStore.toString(), "-storepass",
                STORE_PASSWORD, "-file", certificate.toString());
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, STORE_PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        https.createContext("/hello", exchange -> respond(exchange, 200, "hello over TLS"));
        https.start();
        server = https;
        return certificate;
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
