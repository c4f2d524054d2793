package io.cloudexchange.core.testsupport;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A RabbitMQ node of the test's own, for tests that stop and start the broker: its own node name, AMQP and
 * distribution ports (free ones), data, logs, configuration, plugins file and Erlang cookie (its {@code HOME}), all
 * in a temporary directory, so the machine's shared RabbitMQ is never touched. {@link #stop()} stops it the way an
 * operator would ({@code rabbitmqctl stop}); {@link #start()} starts it again on the same data.
 */
public final class PrivateRabbitMq implements AutoCloseable {

    /** Where Debian's {@code rabbitmq-server} package puts the scripts that run as the calling user. */
    private static final Path BIN = Path.of("/usr/lib/rabbitmq/bin");
    private static final Duration STARTUP = Duration.ofSeconds(150);

    private final Path dir;
    private final String node;
    private final int port;
    private final Map<String, String> environment;
    private Process server;

    private PrivateRabbitMq(Path dir, String node, int port, int distributionPort) throws IOException {
        this.dir = dir;
        this.node = node;
        this.port = port;
        Path home = Files.createDirectories(dir.resolve("home"));
        Path config = Files.writeString(dir.resolve("rabbitmq.conf"), "");
        Path envFile = Files.writeString(dir.resolve("rabbitmq-env.conf"), "");
        Path plugins = Files.writeString(dir.resolve("enabled_plugins"), "[].\n");
        this.environment = Map.ofEntries(
                Map.entry("HOME", home.toString()),
                Map.entry("RABBITMQ_NODENAME", node),
                Map.entry("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1"),
                Map.entry("RABBITMQ_NODE_PORT", String.valueOf(port)),
                Map.entry("RABBITMQ_DIST_PORT", String.valueOf(distributionPort)),
                Map.entry("RABBITMQ_MNESIA_BASE", Files.createDirectories(dir.resolve("mnesia")).toString()),
                Map.entry("RABBITMQ_LOG_BASE", Files.createDirectories(dir.resolve("log")).toString()),
                Map.entry("RABBITMQ_CONFIG_FILE", config.toString()),
                Map.entry("RABBITMQ_CONF_ENV_FILE", envFile.toString()),
                Map.entry("RABBITMQ_ENABLED_PLUGINS_FILE", plugins.toString()),
                Map.entry("ERL_EPMD_ADDRESS", "127.0.0.1"));
    }

    /** Whether this machine can run a private node (the Debian package's scripts are installed). */
    public static boolean installed() {
        return Files.isExecutable(BIN.resolve("rabbitmq-server")) && Files.isExecutable(BIN.resolve("rabbitmqctl"));
    }

    /** Starts a fresh node and returns once it accepts AMQP connections. */
    public static PrivateRabbitMq startFresh() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("private-rabbitmq");
        PrivateRabbitMq broker = new PrivateRabbitMq(dir, "ce-test-" + UUID.randomUUID().toString().substring(0, 8)
                + "@localhost", freePort(), freePort());
        broker.start();
        // a test JVM that ends without close() must not leave the node running
        Runtime.getRuntime().addShutdownHook(new Thread(broker::kill, "private-rabbitmq-cleanup"));
        return broker;
    }

    /** The platform's URI for the node's default virtual host. */
    public String uri() {
        return "amqp://guest:guest@127.0.0.1:" + port + "/";
    }

    /** Starts the node (again, on the same data) and returns once it accepts AMQP connections. */
    public synchronized void start() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(BIN.resolve("rabbitmq-server").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server-output.log").toFile()));
        builder.environment().putAll(environment);
        server = builder.start();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!accepting()) {
            if (!server.isAlive()) {
                throw new IllegalStateException("private RabbitMQ " + node + " exited while starting: " + output());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("private RabbitMQ " + node + " not up after " + STARTUP + ": " + output());
            }
            Thread.sleep(250);
        }
    }

    /** Stops the node gracefully ({@code rabbitmqctl stop}) and waits for it to exit. */
    public synchronized void stop() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(BIN.resolve("rabbitmqctl").toString(), "-n", node, "stop")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("ctl-output.log").toFile()));
        builder.environment().putAll(environment);
        Process ctl = builder.start();
        if (!ctl.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)) {
            ctl.destroyForcibly();
        }
        if (server != null && !server.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)) {
            kill();
            throw new IllegalStateException("private RabbitMQ " + node + " did not stop");
        }
    }

    private boolean accepting() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(port);
        factory.setConnectionTimeout(1000);
        try (Connection connection = factory.newConnection()) {
            return connection.isOpen();
        } catch (Exception e) {
            return false;
        }
    }

    private String output() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("server-output.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no output)";
        }
    }

    private void kill() {
        Process current = server;
        if (current != null && current.isAlive()) {
            current.descendants().forEach(ProcessHandle::destroyForcibly);
            current.destroyForcibly();
        }
    }

    @Override
    public synchronized void close() throws InterruptedException {
        try {
            if (server != null && server.isAlive()) {
                stop();
            }
        } catch (IOException | RuntimeException e) {
            kill();
        }
        deleteRecursively(dir);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
