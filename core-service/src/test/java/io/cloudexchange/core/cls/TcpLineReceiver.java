package io.cloudexchange.core.cls;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real TCP receiver on loopback: reads lines until {@code END n}, keeps them, answers {@code OK}. It can be
 * stopped and started again on the same port to play a destination that is down for a while.
 */
public final class TcpLineReceiver implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final int port;
    private volatile ServerSocket server;
    private volatile long pauseMillis;

    private TcpLineReceiver(int port) {
        this.port = port;
    }

    /** Binds a free port and starts accepting. */
    public static TcpLineReceiver start() throws IOException {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            free = probe.getLocalPort();
        }
        TcpLineReceiver receiver = new TcpLineReceiver(free);
        receiver.up();
        return receiver;
    }

    /** Waits this long before answering each batch, like a busy SIEM. */
    public void slowDown(java.time.Duration pause) {
        this.pauseMillis = pause.toMillis();
    }

    public int port() {
        return port;
    }

    public List<String> lines() {
        return new ArrayList<>(lines);
    }

    public synchronized void up() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = socket;
        Thread accept = new Thread(() -> acceptLoop(socket), "tcp-line-receiver");
        accept.setDaemon(true);
        accept.start();
    }

    /** Stops listening: connections are refused until {@link #up()}. */
    public synchronized void down() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private void acceptLoop(ServerSocket socket) {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                List<String> received = new ArrayList<>();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("END ")) {
                        if (pauseMillis > 0) {
                            Thread.sleep(pauseMillis);
                        }
                        lines.addAll(received);
                        OutputStream out = client.getOutputStream();
                        out.write("OK\n".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        break;
                    }
                    received.add(line);
                }
            } catch (IOException e) {
                // closed by down(), or a client gave up: keep accepting while open
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        down();
    }
}
