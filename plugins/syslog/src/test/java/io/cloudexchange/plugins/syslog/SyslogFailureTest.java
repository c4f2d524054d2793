package io.cloudexchange.plugins.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.plugin.api.cls.DeliveryResult;
import io.cloudexchange.plugin.api.config.ValidationResult;
import io.cloudexchange.plugin.testkit.TestPluginContext;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Failures that need no receiver: nothing listening, unknown host, bad header fields. */
class SyslogFailureTest {

    private final SyslogPlugin plugin = new SyslogPlugin();

    private TestPluginContext context(Map<String, Object> config) {
        return TestPluginContext.builder().defaultsFrom(plugin.configSchema()).config(config).build();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aRefusedConnectionIsRetriedAndReportedOnThePort() throws Exception {
        int port = closedPort();
        Map<String, Object> config = Map.of("host", "127.0.0.1", "port", port, "transport", "TCP");

        DeliveryResult result = plugin.deliver(context(config), SyslogReceiverTest.events(2));
        ValidationResult validation = plugin.validate(context(config));

        assertThat(result.status()).isEqualTo(DeliveryResult.Status.RETRY);
        assertThat(result.message()).contains("127.0.0.1:" + port).contains("refused");
        assertThat(validation.fieldErrors()).containsOnlyKeys("port");
    }

    @Test
    void aReceiverThatResetsTheConnectionGetsTheBatchAgain() throws Exception {
        try (ServerSocket receiver = new ServerSocket(0)) {
            Thread resetter = new Thread(() -> {
                try (java.net.Socket socket = receiver.accept()) {
                    socket.getInputStream().read(new byte[16]);
                    socket.setSoLinger(true, 0);
                } catch (java.io.IOException ignored) {
                    // the test asserts on the plugin's side
                }
            });
            resetter.start();

            DeliveryResult result = plugin.deliver(context(Map.of("host", "127.0.0.1", "port", receiver.getLocalPort(),
                    "transport", "TCP")), SyslogReceiverTest.events(50));

            resetter.join(10_000);
            assertThat(result.status()).as(result.message()).isEqualTo(DeliveryResult.Status.RETRY);
        }
    }

    @Test
    void anUnknownHostIsRetriedAndReportedOnTheHost() {
        Map<String, Object> config = Map.of("host", "no-such-host.invalid", "transport", "UDP");

        assertThat(plugin.deliver(context(config), SyslogReceiverTest.events(1)).status())
                .isEqualTo(DeliveryResult.Status.RETRY);
        assertThat(plugin.validate(context(config)).fieldErrors()).containsOnlyKeys("host");
    }

    @Test
    void headerFieldsMustBePrintableAsciiWithoutSpaces() {
        ValidationResult result = plugin.validate(context(Map.of("host", "127.0.0.1", "transport", "UDP",
                "log_source_identifier", "my host", "app_name", "app\u00e9")));

        assertThat(result.fieldErrors()).containsOnlyKeys("log_source_identifier", "app_name");
    }
}
