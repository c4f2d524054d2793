package io.cloudexchange.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.cloudexchange.gateway.GatewayApplication;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Runs the gateway on a random HTTPS port with a freshly generated certificate in a temporary data directory,
 * in front of one {@link FakeCore} shared by all test classes (so they share one Spring context).
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GatewayTestSupport {

    protected static final FakeCore core;
    protected static final Path dataDir;
    protected static final TestCertificates certificates;

    static {
        try {
            core = FakeCore.start();
            dataDir = Files.createTempDirectory("gateway-test-data");
            certificates = TestCertificates.writeTo(dataDir);
        }
        catch (Exception ex) {
            throw new IllegalStateException("Cannot prepare the gateway test environment", ex);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            core.close();
            deleteQuietly(dataDir);
        }));
    }

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("cloudexchange.data-dir", dataDir::toString);
        registry.add("cloudexchange.gateway.core-url", core::url);
    }

    @BeforeEach
    void freshCore() {
        core.reset();
    }

    protected GatewayClient newClient() {
        try {
            return new GatewayClient(certificates.clientContext(), port);
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void deleteQuietly(Path directory) {
        try {
            FileSystemUtils.deleteRecursively(directory);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
