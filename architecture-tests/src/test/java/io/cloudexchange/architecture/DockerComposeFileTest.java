package io.cloudexchange.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Docker cannot run in the build, so the production compose file is checked structurally: the four
 * services, their builds, health checks, volumes under ./data, start order and that only the UI is
 * reachable from the host.
 */
class DockerComposeFileTest {

    private static Path root;
    private static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        root = projectRoot();
        try (Reader reader = Files.newBufferedReader(root.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            services = (Map<String, Object>) compose.get("services");
        }
    }

    @Test
    void definesTheFourServices() {
        assertThat(services).containsOnlyKeys("mongodb", "rabbitmq", "core", "ui");
    }

    @Test
    void coreAndUiAreBuiltFromExistingDockerfiles() {
        for (String name : List.of("core", "ui")) {
            Map<String, Object> build = map(service(name).get("build"));
            Path context = root.resolve(String.valueOf(build.get("context"))).normalize();
            assertThat(context).as(name + " build context").isDirectory();
            assertThat(context.resolve(String.valueOf(build.get("dockerfile")))).as(name + " Dockerfile").isRegularFile();
        }
        assertThat(root.resolve(".dockerignore")).isRegularFile();
    }

    @Test
    void everyServiceHasAHealthcheck() {
        services.keySet().forEach(name -> {
            Map<String, Object> healthcheck = map(service(name).get("healthcheck"));
            assertThat(healthcheck).as(name + " healthcheck").containsKey("test");
            assertThat(String.valueOf(healthcheck.get("test"))).as(name + " healthcheck").isNotBlank();
        });
        assertThat(String.valueOf(map(service("core").get("healthcheck")).get("test"))).contains("/actuator/health");
        assertThat(String.valueOf(map(service("ui").get("healthcheck")).get("test"))).contains("/actuator/health");
        assertThat(String.valueOf(map(service("mongodb").get("healthcheck")).get("test"))).contains("ping");
        assertThat(String.valueOf(map(service("rabbitmq").get("healthcheck")).get("test"))).contains("ping");
    }

    @Test
    void everyServiceRestartsAndRotatesLogs() {
        services.keySet().forEach(name -> {
            assertThat(service(name)).as(name).containsKeys("restart", "mem_limit", "logging");
            assertThat(map(service(name).get("logging")).get("driver")).as(name + " log driver").isEqualTo("json-file");
        });
    }

    @Test
    void uiPublishesPort8443() {
        assertThat(ports("ui")).anySatisfy(port -> assertThat(port).endsWith(":8443"));
    }

    @Test
    void databaseAndBrokerKeepTheirDataUnderDataFolder() {
        assertThat(volumes("mongodb")).contains("./data/mongo-data:/data/db");
        assertThat(volumes("rabbitmq")).contains("./data/rabbitmq:/var/lib/rabbitmq");
        assertThat(volumes("core")).contains("./data:/opt/cloudexchange/data");
        assertThat(volumes("ui")).anySatisfy(v -> assertThat(v).startsWith("./data/ssl_certs:").endsWith(":ro"));
    }

    @Test
    void coreWaitsForHealthyMongodbAndRabbitmq() {
        Map<String, Object> dependsOn = map(service("core").get("depends_on"));
        assertThat(dependsOn).containsKeys("mongodb", "rabbitmq");
        for (String dependency : List.of("mongodb", "rabbitmq")) {
            assertThat(map(dependsOn.get(dependency)).get("condition")).isEqualTo("service_healthy");
        }
    }

    @Test
    void coreConnectsToTheComposeServices() {
        Map<String, Object> env = map(service("core").get("environment"));
        assertThat(String.valueOf(env.get("CLOUDEXCHANGE_MONGODB_URI"))).startsWith("mongodb://").contains("@mongodb:27017/");
        assertThat(String.valueOf(env.get("CLOUDEXCHANGE_RABBITMQ_URI"))).startsWith("amqp://").contains("@rabbitmq:5672");
        assertThat(String.valueOf(env.get("SERVER_ADDRESS"))).isEqualTo("0.0.0.0");
        assertThat(List.of("core", "ui")).allSatisfy(name ->
                assertThat(String.valueOf(service(name).get("env_file"))).contains("data/config/cloudexchange.env"));
        assertThat(String.valueOf(map(service("ui").get("environment")).get("CLOUDEXCHANGE_GATEWAY_CORE_URL")))
                .isEqualTo("http://core:8081");
    }

    @Test
    void onlyTheUiIsReachableFromTheHost() {
        assertThat(service("mongodb")).doesNotContainKey("ports");
        assertThat(service("rabbitmq")).doesNotContainKey("ports");
        assertThat(service("core")).doesNotContainKey("ports");
        assertThat(ports("ui")).noneSatisfy(port ->
                assertThat(port).containsAnyOf("27017", "5672", "15672", "27217", "5682"));
        services.keySet().forEach(name ->
                assertThat(service(name).get("network_mode")).as(name + " network_mode").isNotEqualTo("host"));
    }

    /** The repository root: the first folder above the working directory holding docker-compose.yml. */
    static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isRegularFile(dir.resolve("setup"))) {
                return dir;
            }
        }
        throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
    }

    private static Map<String, Object> service(String name) {
        return map(services.get(name));
    }

    private static List<String> ports(String name) {
        return list(service(name).get("ports"));
    }

    private static List<String> volumes(String name) {
        return list(service(name).get("volumes"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<String> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }
}
