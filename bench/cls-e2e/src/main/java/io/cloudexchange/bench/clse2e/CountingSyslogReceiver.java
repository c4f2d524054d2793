package io.cloudexchange.bench.clse2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A syslog TCP receiver (LF framing) on loopback that counts lines and keeps the first few. It reads each
 * connection to its end and then closes it, which is what the syslog plugin waits for before it reports a
 * batch delivered.
 */
final class CountingSyslogReceiver implements AutoCloseable {

    private static final int SAMPLE = 5;

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "bench-syslog-receiver");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong lines = new AtomicLong();
    private final List<String> sample = new ArrayList<>();

    private CountingSyslogReceiver(ServerSocket server) {
        this.server = server;
    }

    static CountingSyslogReceiver start() throws IOException {
        CountingSyslogReceiver receiver = new CountingSyslogReceiver(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        Thread accept = new Thread(receiver::acceptLoop, "bench-syslog-accept");
        accept.setDaemon(true);
        accept.start();
        return receiver;
    }

    int port() {
        return server.getLocalPort();
    }

    long lines() {
        return lines.get();
    }

    synchronized List<String> sample() {
        return List.copyOf(sample);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connections.execute(() -> read(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void read(Socket client) {
        try (client; InputStream in = client.getInputStream()) {
            byte[] buffer = new byte[256 * 1024];
            boolean sampling = sampleWanted();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long count = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        count++;
                        if (sampling) {
                            sampling = keep(line.toString(StandardCharsets.UTF_8));
                            line.reset();
                        }
                    } else if (sampling) {
                        line.write(buffer[i]);
                    }
                }
                lines.addAndGet(count);
                count = 0;
            }
        } catch (IOException e) {
            // the sender gave up on this connection; what it counted stays counted
        }
    }

    private synchronized boolean sampleWanted() {
        return sample.size() < SAMPLE;
    }

    private synchronized boolean keep(String line) {
        sample.add(line);
        return sample.size() < SAMPLE;
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }
}
