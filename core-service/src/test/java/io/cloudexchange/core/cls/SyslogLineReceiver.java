package io.cloudexchange.core.cls;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A syslog TCP receiver with line-feed framing on loopback, as the {@code syslog} plugin talks to one: it keeps
 * every line of a connection and closes the connection once the sender has finished, after an optional pause
 * per connection (a busy SIEM).
 */
public final class SyslogLineReceiver implements AutoCloseable {

    private final ServerSocket server;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final long pauseMillis;

    private SyslogLineReceiver(ServerSocket server, Duration pause) {
        this.server = server;
        this.pauseMillis = pause.toMillis();
    }

    public static SyslogLineReceiver start(Duration pausePerConnection) throws IOException {
        SyslogLineReceiver receiver = new SyslogLineReceiver(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()),
                pausePerConnection);
        Thread accept = new Thread(receiver::acceptLoop, "syslog-line-receiver");
        accept.setDaemon(true);
        accept.start();
        return receiver;
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<String> lines() {
        return new ArrayList<>(lines);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
                if (pauseMillis > 0) {
                    Thread.sleep(pauseMillis);
                }
            } catch (IOException e) {
                // closed, or the sender gave up on the connection: keep accepting while open
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
