package io.cloudexchange.plugins.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.plugin.api.cls.DeliveryResult;
import io.cloudexchange.plugin.api.cls.LogFormat;
import io.cloudexchange.plugin.api.cls.LogStream;
import io.cloudexchange.plugin.api.cls.MappedLog;
import io.cloudexchange.plugin.api.config.ValidationResult;
import io.cloudexchange.plugin.api.log.LogType;
import io.cloudexchange.plugin.testkit.LogLine;
import io.cloudexchange.plugin.testkit.TestPluginContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delivery to a real rsyslogd: every event arrives exactly once, framed and parseable. */
class SyslogReceiverTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final SyslogPlugin plugin = new SyslogPlugin();

    @TempDir
    Path dir;

    /** CEF records with the characters that break naive framing or escaping. */
    static List<MappedLog> events(int count) {
        List<MappedLog> logs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String payload = "CEF:0|Netskope|Cloud Exchange|1.0|dlp|Alert \\| pipe " + i + "|5|"
                    + "msg=first line\\nsecond line cs1=a\\=b filePath=C:\\\\temp\\\\x.txt suser=jürgen@例え.jp"
                    + " act=block id=event-" + i;
            logs.add(new MappedLog("event-" + i, new LogStream(LogType.ALERT, "Compromised Credential"), LogFormat.CEF, payload));
        }
        return logs;
    }

    private TestPluginContext context(Map<String, Object> config) {
        return TestPluginContext.builder().defaultsFrom(plugin.configSchema()).config(config).build();
    }

    private static void assertExactlyOnce(List<Rsyslog.Received> received, List<MappedLog> sent,
                                          Function<String, String> expectedMsg) {
        Map<String, Long> counts = received.stream().collect(Collectors.groupingBy(Rsyslog.Received::msg, Collectors.counting()));
        for (MappedLog log : sent) {
            assertThat(counts.get(expectedMsg.apply(log.payload()))).as("copies of %s", log.id()).isEqualTo(1L);
        }
        assertThat(received).hasSameSizeAs(sent);
    }

    @Test
    void tcpOctetCountedRfc5424MessagesArriveExactlyOnceWithTheirHeader() throws Exception {
        Rsyslog.assumeInstalled();
        try (Rsyslog rsyslog = Rsyslog.tcp(dir)) {
            List<MappedLog> logs = new ArrayList<>(events(500));
            logs.add(new MappedLog("raw-newline", new LogStream(LogType.EVENT, "page"), LogFormat.JSON,
                    "{\"note\":\"a raw\nline break\"}"));

            DeliveryResult result = plugin.deliver(context(Map.of("host", "127.0.0.1", "port", rsyslog.port,
                    "transport", "TCP", "framing", "OCTET_COUNTING", "facility", "LOCAL4", "severity", "WARNING",
                    "log_source_identifier", "ce-test-host", "app_name", "cls-app")), logs);

            assertThat(result.status()).as(result.message()).isEqualTo(DeliveryResult.Status.DELIVERED);
            List<Rsyslog.Received> received = rsyslog.awaitMessages(logs.size(), WAIT);
            assertExactlyOnce(received, logs, Function.identity());
            Rsyslog.Received first = received.stream().filter(r -> r.msg().endsWith("id=event-0")).findFirst().orElseThrow();
            assertThat(first.facility()).isEqualTo(20);
            assertThat(first.severity()).isEqualTo(4);
            assertThat(first.hostname()).isEqualTo("ce-test-host");
            assertThat(first.appName()).isEqualTo("cls-app");
            assertThat(first.procId()).isEqualTo("-");
            assertThat(first.msgId()).isEqualTo("alert:Compromised_Credential");
            assertThat(first.protocolVersion()).isEqualTo("1");
            assertThat(first.timestamp()).startsWith("2026-01-01T00:00:00");
        }
    }

    @Test
    void tcpLineFramedRfc3164KeepsOneMessagePerLine() throws Exception {
        Rsyslog.assumeInstalled();
        try (Rsyslog rsyslog = Rsyslog.tcp(dir)) {
            List<MappedLog> logs = new ArrayList<>(events(200));
            MappedLog multiLine = new MappedLog("raw-newline", new LogStream(LogType.EVENT, "page"), LogFormat.JSON,
                    "{\"note\":\"a raw\nline break\"}");
            logs.add(multiLine);

            DeliveryResult result = plugin.deliver(context(Map.of("host", "127.0.0.1", "port", rsyslog.port,
                    "transport", "TCP", "framing", "LF", "header_format", "RFC3164", "facility", "USER",
                    "severity", "NOTICE")), logs);

            assertThat(result.status()).as(result.message()).isEqualTo(DeliveryResult.Status.DELIVERED);
            List<Rsyslog.Received> received = rsyslog.awaitMessages(logs.size(), WAIT);
            // RFC 3164 puts a space between "TAG:" and the message, which rsyslog keeps in MSG
            assertExactlyOnce(received, logs, payload -> " " + payload.replace("\n", "\\n"));
            Rsyslog.Received any = received.get(0);
            assertThat(any.facility()).isEqualTo(1);
            assertThat(any.severity()).isEqualTo(5);
            assertThat(any.hostname()).isEqualTo("netskopece");
            assertThat(any.appName()).isEqualTo("netskope-ce");
        }
    }

    @Test
    void udpMessagesArriveAndLongOnesAreCutWithAWarning() throws Exception {
        Rsyslog.assumeInstalled();
        try (Rsyslog rsyslog = Rsyslog.udp(dir)) {
            List<MappedLog> logs = new ArrayList<>(events(50));
            MappedLog huge = new MappedLog("huge", new LogStream(LogType.EVENT, "page"), LogFormat.CEF,
                    "CEF:0|Netskope|Cloud Exchange|1.0|page|Huge|1|msg=" + "é".repeat(2000));
            logs.add(huge);

            TestPluginContext context = context(Map.of("host", "127.0.0.1", "port", rsyslog.port,
                    "transport", "UDP", "max_udp_message_bytes", 1000));
            DeliveryResult result = plugin.deliver(context, logs);

            assertThat(result.status()).isEqualTo(DeliveryResult.Status.DELIVERED);
            assertThat(result.message()).contains("1 of them cut to 1000 bytes");
            assertThat(context.logLines()).extracting(LogLine::message).anyMatch(m -> m.contains("cut to 1000 bytes"));
            List<Rsyslog.Received> received = rsyslog.awaitMessages(logs.size(), WAIT);
            assertThat(received).hasSize(logs.size());
            assertExactlyOnce(received.stream().filter(r -> !r.msg().contains("Huge")).toList(),
                    logs.subList(0, 50), Function.identity());
            String cut = received.stream().filter(r -> r.msg().contains("Huge")).findFirst().orElseThrow().msg();
            assertThat(huge.payload()).startsWith(cut);
            assertThat(cut.length()).isLessThan(1000);
        }
    }

    @Test
    void tlsWithTheReceiversCaAndHostNameDeliversEveryMessage() throws Exception {
        Rsyslog.assumeTlsInstalled();
        Rsyslog.Tls tls = Rsyslog.certificate(dir, "localhost");
        try (Rsyslog rsyslog = Rsyslog.tls(dir, tls)) {
            List<MappedLog> logs = events(300);
            Map<String, Object> config = Map.of("host", "localhost", "port", rsyslog.port, "transport", "TLS",
                    "ca_certificate", Files.readString(tls.caFile()));

            assertThat(plugin.validate(context(config)).isValid()).isTrue();
            DeliveryResult result = plugin.deliver(context(config), logs);

            assertThat(result.status()).as(result.message()).isEqualTo(DeliveryResult.Status.DELIVERED);
            assertExactlyOnce(rsyslog.awaitMessages(logs.size(), WAIT), logs, Function.identity());
        }
    }

    @Test
    void tlsValidationSaysWhichSettingFails() throws Exception {
        Rsyslog.assumeTlsInstalled();
        Rsyslog.Tls tls = Rsyslog.certificate(dir, "localhost");
        try (Rsyslog rsyslog = Rsyslog.tls(dir, tls)) {
            String ca = Files.readString(tls.caFile());
            Map<String, Object> base = Map.of("port", rsyslog.port, "transport", "TLS");

            ValidationResult untrusted = plugin.validate(context(with(base, "host", "localhost")));
            ValidationResult wrongName = plugin.validate(context(with(with(base, "host", "127.0.0.1"), "ca_certificate", ca)));
            ValidationResult nameNotChecked = plugin.validate(context(with(with(with(base, "host", "127.0.0.1"),
                    "ca_certificate", ca), "check_hostname", false)));
            ValidationResult notVerified = plugin.validate(context(with(with(base, "host", "127.0.0.1"),
                    "verify_certificate", false)));
            ValidationResult notPem = plugin.validate(context(with(with(base, "host", "localhost"),
                    "ca_certificate", "hello")));
            ValidationResult plainTcp = plugin.validate(context(with(with(base, "host", "localhost"),
                    "transport", "TCP")));

            assertThat(untrusted.fieldErrors()).containsKey("ca_certificate");
            assertThat(wrongName.fieldErrors()).containsOnlyKeys("check_hostname");
            assertThat(nameNotChecked.isValid()).as(nameNotChecked.toString()).isTrue();
            assertThat(notVerified.isValid()).as(notVerified.toString()).isTrue();
            assertThat(notPem.fieldErrors()).containsOnlyKeys("ca_certificate");
            assertThat(plainTcp.isValid()).as("TCP to a TLS port connects; nothing can tell before sending").isTrue();
        }
    }

    @Test
    void aBatchToATlsReceiverThatDoesNotTrustUsIsRetriedNotDropped() throws Exception {
        Rsyslog.assumeTlsInstalled();
        Rsyslog.Tls tls = Rsyslog.certificate(dir, "localhost");
        try (Rsyslog rsyslog = Rsyslog.tls(dir, tls)) {
            DeliveryResult result = plugin.deliver(context(Map.of("host", "localhost", "port", rsyslog.port,
                    "transport", "TLS")), events(3));

            assertThat(result.status()).isEqualTo(DeliveryResult.Status.RETRY);
            assertThat(result.message()).contains("TLS");
            assertThat(rsyslog.read()).isEmpty();
        }
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
