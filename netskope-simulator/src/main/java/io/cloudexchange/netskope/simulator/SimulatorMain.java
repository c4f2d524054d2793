package io.cloudexchange.netskope.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar netskope-simulator-exec.jar [options]}: runs a simulated tenant until stopped. */
public final class SimulatorMain {

    private static final String USAGE = """
            Usage: java -jar netskope-simulator-exec.jar [options]
              --port N                 TCP port (default 8800; 0 = any free port)
              --seed N                 seed of the generated records (default 42)
              --rate N                 records per second generated for each alert and event type (default 1)
              --history DURATION       records that exist at start, e.g. 1h, 7d, 30m (default 1h)
              --volume N               at most N records per type (default 0 = unlimited)
              --page-size N            records per dataexport page, 1..10000 (default 10000)
              --idle-wait N            wait_time in seconds once a consumer caught up (default 30)
              --requests-per-second N  rate limit per token; 429 beyond it (default 4; 0 = off)
              --token TOKEN            the v2 token clients must send (default sim-v2-token)
              --v1-token TOKEN         the v1 token (default sim-v1-token)
              --tls-keystore FILE      serve HTTPS with this PKCS12 keystore
              --tls-password PASSWORD  the keystore password
              --help                   this text
            """;

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SimulatorConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (config == null) {
            System.out.print(USAGE);
            return;
        }
        NetskopeSimulator simulator = NetskopeSimulator.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        System.out.println("Netskope simulator listening on " + simulator.baseUrl()
                + " (v2 token: " + config.v2Tokens().keySet().iterator().next() + ", v1 token: " + config.v1Token()
                + ", " + config.recordsPerSecond() + " records/s per type, " + config.requestsPerSecond()
                + " requests/s per token). Ctrl-C stops it.");
        stopped.await();
    }

    /** The configuration the arguments describe, or null when help was asked for. */
    static SimulatorConfig parse(String[] args) {
        SimulatorConfig config = SimulatorConfig.defaults().withPort(8800);
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                return null;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + flag);
            }
            String value = args[++i];
            config = switch (flag) {
                case "--port" -> config.withPort(integer(flag, value));
                case "--seed" -> config.withSeed(Long.parseLong(value));
                case "--rate" -> config.withRecordsPerSecond(Double.parseDouble(value));
                case "--history" -> config.withHistory(duration(flag, value));
                case "--volume" -> config.withVolume(Long.parseLong(value));
                case "--page-size" -> config.withPageSize(integer(flag, value));
                case "--idle-wait" -> config.withIdleWaitSeconds(integer(flag, value));
                case "--requests-per-second" -> config.withRequestsPerSecond(integer(flag, value));
                case "--token" -> config.withOnlyV2Token(value);
                case "--v1-token" -> config.withV1Token(value);
                case "--tls-keystore" -> config.withTls(Path.of(value), config.tlsPassword());
                case "--tls-password" -> config.withTls(config.tlsKeystore(), value);
                default -> throw new IllegalArgumentException("unknown option " + flag);
            };
        }
        return config;
    }

    private static int integer(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, not '" + value + "'");
        }
    }

    static Duration duration(String flag, String value) {
        if (!value.matches("\\d+[smhd]")) {
            throw new IllegalArgumentException(flag + " needs a number and a unit (s, m, h or d), e.g. 7d, not '" + value + "'");
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
