package io.cloudexchange.netskope.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How a simulated tenant behaves. Build with {@link #defaults()} and the {@code with...} methods.
 *
 * @param port TCP port, 0 for a free one
 * @param seed makes generated records reproducible
 * @param recordsPerSecond records generated per second for each alert and event type
 * @param history how far back records exist when the simulator starts
 * @param volume records per type at most, 0 for no limit
 * @param pageSize records per dataexport page, at most 10,000 as on a real tenant
 * @param idleWaitSeconds {@code wait_time} returned once a consumer has caught up (a tenant returns 30)
 * @param requestsPerSecond requests per second allowed per token, 0 for no limit
 * @param v2Tokens v2 tokens and the endpoint scopes (path prefixes) each may call; an empty set allows every endpoint
 * @param v1Token the v1 token accepted in request bodies (file hash lists, app instances)
 * @param tlsKeystore a PKCS12 keystore to serve HTTPS with, or null for plain HTTP
 * @param tlsPassword the keystore password
 */
public record SimulatorConfig(int port, long seed, double recordsPerSecond, Duration history, long volume,
                              int pageSize, int idleWaitSeconds, int requestsPerSecond,
                              Map<String, Set<String>> v2Tokens, String v1Token, Path tlsKeystore,
                              String tlsPassword) {

    public static final int MAX_PAGE_SIZE = 10_000;
    public static final String DEFAULT_V2_TOKEN = "sim-v2-token";
    public static final String DEFAULT_V1_TOKEN = "sim-v1-token";

    public SimulatorConfig {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (recordsPerSecond <= 0) {
            throw new IllegalArgumentException("records per second must be positive");
        }
        if (history.isNegative()) {
            throw new IllegalArgumentException("history must not be negative");
        }
        v2Tokens = Map.copyOf(v2Tokens);
    }

    public static SimulatorConfig defaults() {
        return new SimulatorConfig(0, 42, 1, Duration.ofHours(1), 0, MAX_PAGE_SIZE, 30, 4,
                Map.of(DEFAULT_V2_TOKEN, Set.of()), DEFAULT_V1_TOKEN, null, null);
    }

    public SimulatorConfig withPort(int value) {
        return new SimulatorConfig(value, seed, recordsPerSecond, history, volume, pageSize, idleWaitSeconds,
                requestsPerSecond, v2Tokens, v1Token, tlsKeystore, tlsPassword);
    }

    public SimulatorConfig withSeed(long value) {
        return new SimulatorConfig(port, value, recordsPerSecond, history, volume, pageSize, idleWaitSeconds,
                requestsPerSecond, v2Tokens, v1Token, tlsKeystore, tlsPassword);
    }

    public SimulatorConfig withRecordsPerSecond(double value) {
        return new SimulatorConfig(port, seed, value, history, volume, pageSize, idleWaitSeconds,
                requestsPerSecond, v2Tokens, v1Token, tlsKeystore, tlsPassword);
    }

    public SimulatorConfig withHistory(Duration value) {
        return new SimulatorConfig(port, seed, recordsPerSecond, value, volume, pageSize, idleWaitSeconds,
                requestsPerSecond, v2Tokens, v1Token, tlsKeystore, tlsPassword);
    }

    public SimulatorConfig withVolume(long value) {
        return new SimulatorConfig(port, seed, recordsPerSecond, history, value, pageSize, idleWaitSeconds,
                requestsPerSecond, v2Tokens, v1Token, tlsKeystore, tlsPassword);
    }

    public SimulatorConfig withPageSize(int value) {
        return new SimulatorConfig(port, seed, recordsPerSecond, history, volume, value, idleWaitSeconds,
                requestsPerSecond, v2Tokens, v1Token, tlsKeystore, tlsPassword);
    }

    public SimulatorConfig withIdleWaitSeconds(int value) {
        return new SimulatorConfig(port, seed, recordsPerSecond, history, volume, pageSize, value,
                requestsPerSecond, v2Tokens, v1Token, tlsKeystore, tlsPassword);
    }

    public SimulatorConfig withRequestsPerSecond(int value) {
        return new SimulatorConfig(port, seed, recordsPerSecond, history, volume, pageSize, idleWaitSeconds,
                value, v2Tokens, v1Token, tlsKeystore, tlsPassword);
    }

    /** Adds a v2 token limited to the given scopes (path prefixes such as {@code /api/v2/events/dataexport/alerts/dlp}). */
    public SimulatorConfig withV2Token(String token, Set<String> scopes) {
        Map<String, Set<String>> tokens = new LinkedHashMap<>(v2Tokens);
        tokens.put(token, Set.copyOf(scopes));
        return new SimulatorConfig(port, seed, recordsPerSecond, history, volume, pageSize, idleWaitSeconds,
                requestsPerSecond, tokens, v1Token, tlsKeystore, tlsPassword);
    }

    public SimulatorConfig withOnlyV2Token(String token) {
        return new SimulatorConfig(port, seed, recordsPerSecond, history, volume, pageSize, idleWaitSeconds,
                requestsPerSecond, Map.of(token, Set.of()), v1Token, tlsKeystore, tlsPassword);
    }

    public SimulatorConfig withV1Token(String value) {
        return new SimulatorConfig(port, seed, recordsPerSecond, history, volume, pageSize, idleWaitSeconds,
                requestsPerSecond, v2Tokens, value, tlsKeystore, tlsPassword);
    }

    public SimulatorConfig withTls(Path keystore, String password) {
        return new SimulatorConfig(port, seed, recordsPerSecond, history, volume, pageSize, idleWaitSeconds,
                requestsPerSecond, v2Tokens, v1Token, keystore, password);
    }
}
