package io.cloudexchange.plugins.syslog;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real rsyslogd for tests: started in the foreground on a free loopback port with its own
 * configuration file, writing every received message to a file as one tab-separated line of parsed
 * header fields and the JSON-escaped MSG. Tests skip when rsyslog (or, for TLS, rsyslog-gnutls) is
 * not installed: {@code apt-get install -y rsyslog rsyslog-gnutls}.
 */
final class Rsyslog implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/rsyslogd");

    /** One received message as rsyslog parsed it. */
    record Received(int facility, int severity, String hostname, String appName, String procId, String msgId,
                    String protocolVersion, String timestamp, String msg) {
    }

    /** Server certificate files for the TLS listener. */
    record Tls(Path caFile, Path certFile, Path keyFile) {
    }

    private final Path dir;
    private final Path output;
    private final Process process;
    final int port;

    private Rsyslog(Path dir, Path output, Process process, int port) {
        this.dir = dir;
        this.output = output;
        this.process = process;
        this.port = port;
    }

    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(BINARY),
                "rsyslogd is not installed (apt-get install -y rsyslog): the syslog receiver tests need a real one");
    }

    static void assumeTlsInstalled() {
        assumeInstalled();
        assumeTrue(gtlsDriverInstalled(), "rsyslog's GnuTLS driver is not installed (apt-get install -y rsyslog-gnutls)");
    }

    /** lmnsd_gtls.so in rsyslog's module directory, which Debian puts under the multiarch lib directory. */
    private static boolean gtlsDriverInstalled() {
        try (var libs = Files.list(Path.of("/usr/lib"))) {
            return Files.exists(Path.of("/usr/lib/rsyslog/lmnsd_gtls.so"))
                    || libs.anyMatch(dir -> Files.exists(dir.resolve("rsyslog/lmnsd_gtls.so")));
        } catch (IOException e) {
            return false;
        }
    }

    static Rsyslog udp(Path dir) throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0)) {
            port = probe.getLocalPort();
        }
        return start(dir, port, "module(load=\"imudp\")\ninput(type=\"imudp\" address=\"127.0.0.1\" port=\"" + port + "\")\n");
    }

    static Rsyslog tcp(Path dir) throws Exception {
        int port = freeTcpPort();
        return start(dir, port, "module(load=\"imtcp\")\ninput(type=\"imtcp\" address=\"127.0.0.1\" port=\"" + port + "\")\n");
    }

    static Rsyslog tls(Path dir, Tls tls) throws Exception {
        int port = freeTcpPort();
        String inputs = "global(defaultNetstreamDriver=\"gtls\""
                + " defaultNetstreamDriverCAFile=\"" + tls.caFile() + "\""
                + " defaultNetstreamDriverCertFile=\"" + tls.certFile() + "\""
                + " defaultNetstreamDriverKeyFile=\"" + tls.keyFile() + "\")\n"
                + "module(load=\"imtcp\" streamDriver.name=\"gtls\" streamDriver.mode=\"1\" streamDriver.authMode=\"anon\")\n"
                + "input(type=\"imtcp\" address=\"127.0.0.1\" port=\"" + port + "\")\n";
        return start(dir, port, inputs);
    }

    /** A self-signed server certificate for {@code dnsName}, made with openssl. */
    static Tls certificate(Path dir, String dnsName) throws Exception {
        Path key = dir.resolve("server-key.pem");
        Path cert = dir.resolve("server-cert.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=" + dnsName,
                "-addext", "subjectAltName=DNS:" + dnsName)
                .redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile()).start();
        assumeTrue(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0,
                "openssl could not make a test certificate: " + Files.readString(dir.resolve("openssl.log")));
        return new Tls(cert, cert, key);
    }

    /** True once something (rsyslogd) holds the port: binding it ourselves fails. */
    private static boolean bound(int port, boolean udp) {
        try (java.io.Closeable probe = udp
                ? new DatagramSocket(new java.net.InetSocketAddress("127.0.0.1", port))
                : new ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    private static Rsyslog start(Path dir, int port, String inputs) throws Exception {
        Files.createDirectories(dir.resolve("work"));
        Path output = dir.resolve("received.log");
        Path internal = dir.resolve("rsyslogd.log");
        boolean udp = inputs.contains("imudp");
        String config = "global(workDirectory=\"" + dir.resolve("work") + "\" maxMessageSize=\"64k\""
                + " parser.escapeControlCharactersOnReceive=\"off\")\n"
                + inputs
                + "template(name=\"fields\" type=\"string\" string=\"%syslogfacility%\\t%syslogseverity%\\t%hostname%"
                + "\\t%app-name%\\t%procid%\\t%msgid%\\t%protocol-version%\\t%timereported:::date-rfc3339%"
                + "\\t%msg:::json%\\n\")\n"
                + "if $inputname == \"rsyslogd\" then {\n  action(type=\"omfile\" file=\"" + internal + "\")\n  stop\n}\n"
                + "action(type=\"omfile\" file=\"" + output + "\" template=\"fields\")\n";
        Path configFile = dir.resolve("rsyslog.conf");
        Files.writeString(configFile, config);
        Process process = new ProcessBuilder(BINARY.toString(), "-n", "-f", configFile.toString(),
                "-i", dir.resolve("rsyslogd.pid").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        Rsyslog rsyslog = new Rsyslog(dir, output, process, port);
        Instant deadline = Instant.now().plusSeconds(20);
        while (!bound(port, udp)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                String log = Files.readString(dir.resolve("stdout.log"));
                process.destroyForcibly();
                throw new IllegalStateException("rsyslogd did not start: " + log);
            }
            Thread.sleep(50);
        }
        return rsyslog;
    }

    /** Waits until at least {@code count} messages arrived (or the timeout passed) and returns every one. */
    List<Received> awaitMessages(int count, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        List<Received> received = read();
        while (received.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            received = read();
        }
        Thread.sleep(300);
        return read();
    }

    List<Received> read() throws IOException {
        if (!Files.exists(output)) {
            return List.of();
        }
        List<Received> messages = new ArrayList<>();
        String text = Files.readString(output, StandardCharsets.UTF_8);
        // rsyslog may be writing a line right now: read complete lines only
        text = text.substring(0, text.lastIndexOf('\n') + 1);
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 9) {
                throw new IllegalStateException("unexpected output line: " + line);
            }
            messages.add(new Received(Integer.parseInt(f[0]), Integer.parseInt(f[1]), f[2], f[3], f[4], f[5], f[6],
                    f[7], unescapeJson(f[8])));
        }
        return messages;
    }

    String diagnostics() throws IOException {
        Path internal = dir.resolve("rsyslogd.log");
        return Files.exists(internal) ? Files.readString(internal) : "";
    }

    static String unescapeJson(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
