package io.cloudexchange.core.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.Port;
import org.apache.qpid.server.model.SystemConfig;
import org.apache.qpid.server.store.derby.DerbyUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache Qpid Broker-J running in this JVM, speaking AMQP 0-9-1 on the loopback interface.
 *
 * <p>Only the virtual host is durable (a Derby database under the broker directory: exchanges, queues,
 * bindings and persistent messages). The broker-level configuration (port, user) is regenerated from
 * code on every start, so a changed port or password always takes effect.
 */
public final class EmbeddedAmqpBroker implements AutoCloseable {

    static final String VIRTUAL_HOST = "cloudexchange";
    private static final String CONFIG_STORE_FILE = "broker-config.json";
    private static final String VIRTUAL_HOST_STORE_DIR = "virtualhost";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedAmqpBroker.class);

    private final SystemLauncher launcher;
    private final int port;
    private final String virtualHost;
    private final EmbeddedBrokerCredentials credentials;
    private final Path temporaryWorkDir;

    private EmbeddedAmqpBroker(SystemLauncher launcher, int port, String virtualHost,
                               EmbeddedBrokerCredentials credentials, Path temporaryWorkDir) {
        this.launcher = launcher;
        this.port = port;
        this.virtualHost = virtualHost;
        this.credentials = credentials;
        this.temporaryWorkDir = temporaryWorkDir;
    }

    /** Keeps the broker's state in {@code brokerDir}, creating it when missing. */
    public static EmbeddedAmqpBroker startDurable(Path brokerDir, int port, EmbeddedBrokerCredentials credentials) {
        Path workDir = createDirectories(brokerDir);
        String store = workDir.resolve(VIRTUAL_HOST_STORE_DIR).toString();
        return start(workDir, new BrokerInitialConfiguration(port, credentials, VIRTUAL_HOST, store), null);
    }

    /** Keeps messages in memory; the work directory is temporary and removed on close. */
    public static EmbeddedAmqpBroker startInMemory(int port, EmbeddedBrokerCredentials credentials) {
        Path workDir;
        try {
            workDir = Files.createTempDirectory("cloudexchange-broker");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory for the embedded broker", e);
        }
        // Derby keeps in-memory databases per JVM by name: a unique name isolates brokers started in one JVM.
        String virtualHost = VIRTUAL_HOST + "-" + UUID.randomUUID();
        return start(workDir, new BrokerInitialConfiguration(port, credentials, virtualHost,
                BrokerInitialConfiguration.IN_MEMORY_STORE), workDir);
    }

    private static EmbeddedAmqpBroker start(Path workDir, BrokerInitialConfiguration configuration, Path temporaryWorkDir) {
        Path configStore = workDir.resolve(CONFIG_STORE_FILE);
        deleteIfExists(configStore);
        // Derby boots while Broker-J discovers its store types: route its log to SLF4J before that, not to ./derby.log
        DerbyUtils.configureDerbyLogging();
        AtomicReference<SystemConfig<?>> systemConfig = new AtomicReference<>();
        AtomicReference<RuntimeException> startupError = new AtomicReference<>();
        SystemLauncher launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
            @Override
            public void onContainerResolve(SystemConfig<?> resolved) {
                systemConfig.set(resolved);
            }

            @Override
            public void errorOnStartup(RuntimeException e) {
                startupError.set(e);
            }
        });
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("type", "JSON");
        attributes.put("storePath", configStore.toString());
        Path initialConfiguration;
        try {
            initialConfiguration = configuration.writeTo(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the embedded broker's initial configuration", e);
        }
        attributes.put("initialConfigurationLocation", initialConfiguration.toString());
        attributes.put("startupLoggedToSystemOut", false);
        attributes.put("context", Map.of(
                "qpid.work_dir", workDir.toString(),
                "qpid.broker.defaultPreferenceStoreAttributes", "{\"type\": \"Noop\"}"));
        try {
            launcher.startup(attributes);
        } catch (Exception e) {
            startupError.compareAndSet(null, e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e));
        } finally {
            deleteIfExists(initialConfiguration);
        }
        if (startupError.get() != null || systemConfig.get() == null) {
            launcher.shutdown();
            throw new IllegalStateException("cannot start the embedded AMQP broker on 127.0.0.1:" + configuration.port(),
                    startupError.get());
        }
        int boundPort = boundAmqpPort(systemConfig.get());
        log.info("Embedded AMQP 0-9-1 broker listening on 127.0.0.1:{} (virtual host {}, store {})",
                boundPort, configuration.virtualHost(), configuration.storePath());
        return new EmbeddedAmqpBroker(launcher, boundPort, configuration.virtualHost(), configuration.credentials(),
                temporaryWorkDir);
    }

    private static int boundAmqpPort(SystemConfig<?> systemConfig) {
        Broker<?> broker = (Broker<?>) systemConfig.getContainer(Broker.class);
        return broker.getChildren(Port.class).stream()
                .mapToInt(Port::getBoundPort)
                .filter(bound -> bound > 0)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("embedded AMQP broker has no bound port"));
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public String virtualHost() {
        return virtualHost;
    }

    public String username() {
        return credentials.username();
    }

    public String password() {
        return credentials.password();
    }

    @Override
    public void close() {
        launcher.shutdown();
        if (temporaryWorkDir != null) {
            deleteRecursively(temporaryWorkDir);
        }
        log.info("Embedded AMQP broker stopped");
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create embedded broker directory " + dir, e);
        }
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".bak"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reset embedded broker configuration " + file, e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not remove embedded broker work directory {}: {}", dir, e.toString());
        }
    }
}
