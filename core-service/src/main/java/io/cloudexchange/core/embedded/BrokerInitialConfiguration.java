package io.cloudexchange.core.embedded;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
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

    /** A {@code data:} URL, so the password never lands in a plain file. */
    String toDataUrl() {
        byte[] json = JsonMapper.shared().writeValueAsString(toMap()).getBytes(StandardCharsets.UTF_8);
        return "data:application/json;base64," + Base64.getEncoder().encodeToString(json);
    }
}
