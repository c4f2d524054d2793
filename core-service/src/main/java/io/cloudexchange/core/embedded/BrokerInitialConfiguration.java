package io.cloudexchange.core.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Broker-J configuration for one start: a loopback AMQP 0-9-1 port, one internal user and one
 * virtual host whose configuration and messages live in a Derby database.
 *
 * @param virtualHost name of the virtual host (and of its node)
 * @param storePath Derby directory of the virtual host, or {@value #IN_MEMORY_STORE}
 */
record BrokerInitialConfiguration(int port, EmbeddedBrokerCredentials credentials, String virtualHost, String storePath) {

    static final String IN_MEMORY_STORE = "memory:";
    /** How often the broker looks for expired messages, which drives the retry delays. */
    private static final int HOUSEKEEPING_PERIOD_MS = 500;

    Map<String, Object> toMap() {
        Map<String, Object> virtualHostConfig = Map.of("type", "ProvidedStore",
                "housekeepingCheckPeriod", HOUSEKEEPING_PERIOD_MS);
        return Map.of(
                "name", "cloudexchange-embedded",
                "modelVersion", "9.1",
                "authenticationproviders", List.of(Map.of(
                        "name", "internal",
                        "type", "Plain",
                        // loopback only: PLAIN (the mechanism the RabbitMQ client speaks) is acceptable without TLS
                        "secureOnlyMechanisms", List.of(),
                        "users", List.of(Map.of("name", credentials.username(), "type", "managed",
                                "password", credentials.password())))),
                "ports", List.of(Map.of(
                        "name", "AMQP",
                        "type", "AMQP",
                        "port", port,
                        "bindingAddress", "127.0.0.1",
                        "protocols", List.of("AMQP_0_9_1"),
                        "authenticationProvider", "internal",
                        "virtualhostaliases", List.of(
                                Map.of("name", "nameAlias", "type", "nameAlias"),
                                Map.of("name", "defaultAlias", "type", "defaultAlias")))),
                "virtualhostnodes", List.of(Map.of(
                        "name", virtualHost,
                        "type", "DERBY",
                        "storePath", storePath,
                        "defaultVirtualHostNode", "true",
                        "virtualHostInitialConfiguration", JsonMapper.shared().writeValueAsString(virtualHostConfig))));
    }

    /**
     * Writes the configuration to an owner-only file for the broker to read at start-up. (A {@code data:}
     * URL would avoid the file, but inside the executable jar the JDK cannot find Broker-J's handler for
     * it.) The caller deletes the file once the broker started.
     */
    Path writeTo(Path directory) throws IOException {
        Path file = Files.createTempFile(directory, "initial-config", ".json",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, JsonMapper.shared().writeValueAsString(toMap()), StandardCharsets.UTF_8);
        return file;
    }
}
