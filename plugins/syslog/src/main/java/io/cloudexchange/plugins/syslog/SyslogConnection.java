package io.cloudexchange.plugins.syslog;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One connection to the receiver, opened for one batch. Messages are written with the configured
 * framing; {@link #finish()} flushes and, on plain TCP, half-closes and waits for the receiver to close
 * its side, which proves it read every byte (a reset instead means it did not).
 */
abstract class SyslogConnection implements Closeable {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    /** Sends one message; returns true when it had to be cut (UDP only). */
    abstract boolean send(byte[] message) throws IOException;

    abstract void finish() throws IOException;

    static SyslogConnection open(SyslogSettings settings) throws IOException, GeneralSecurityException {
        return switch (settings.transport()) {
            case UDP -> new Udp(settings);
            case TCP, TLS -> new Stream(settings);
        };
    }

    static final class Stream extends SyslogConnection {
        private final Socket socket;
        private final OutputStream out;
        private final boolean octetCounting;

        Stream(SyslogSettings settings) throws IOException, GeneralSecurityException {
            this.octetCounting = settings.framing() == SyslogSettings.Framing.OCTET_COUNTING;
            Socket plain = new Socket();
            try {
                plain.connect(new InetSocketAddress(settings.host(), settings.port()), (int) CONNECT_TIMEOUT.toMillis());
                plain.setSoTimeout((int) READ_TIMEOUT.toMillis());
                plain.setKeepAlive(true);
                if (settings.transport() == SyslogSettings.Transport.TLS) {
                    SSLSocket tls = (SSLSocket) TlsContexts.forSettings(settings).getSocketFactory()
                            .createSocket(plain, settings.host(), settings.port(), true);
                    if (settings.verifyCertificate() && settings.checkHostname()) {
                        SSLParameters parameters = tls.getSSLParameters();
                        parameters.setEndpointIdentificationAlgorithm("HTTPS");
                        tls.setSSLParameters(parameters);
                    }
                    tls.startHandshake();
                    this.socket = tls;
                } else {
                    this.socket = plain;
                }
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                plain.close();
                throw e;
            }
            this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        }

        @Override
        boolean send(byte[] message) throws IOException {
            if (octetCounting) {
                out.write((message.length + " ").getBytes(StandardCharsets.US_ASCII));
                out.write(message);
            } else {
                out.write(message);
                out.write('\n');
            }
            return false;
        }

        @Override
        void finish() throws IOException {
            out.flush();
            if (socket instanceof SSLSocket) {
                // TLS receivers (rsyslog gtls) do not answer a half-close; close() sends close_notify
                return;
            }
            try {
                socket.shutdownOutput();
            } catch (UnsupportedOperationException e) {
                return;
            }
            socket.setSoTimeout((int) CLOSE_WAIT.toMillis());
            InputStream in = socket.getInputStream();
            byte[] ignored = new byte[512];
            try {
                while (in.read(ignored) >= 0) {
                    // a receiver does not answer; drain until it closes
                }
            } catch (SocketTimeoutException e) {
                // the receiver keeps the connection open: every byte reached its TCP stack, good enough
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    static final class Udp extends SyslogConnection {
        private final DatagramSocket socket;
        private final int maxBytes;

        Udp(SyslogSettings settings) throws IOException {
            this.maxBytes = settings.maxUdpMessageBytes();
            this.socket = new DatagramSocket();
            try {
                socket.connect(new InetSocketAddress(settings.host(), settings.port()));
            } catch (IOException | RuntimeException e) {
                socket.close();
                throw e;
            }
        }

        @Override
        boolean send(byte[] message) throws IOException {
            int length = message.length <= maxBytes ? message.length : utf8Boundary(message, maxBytes);
            socket.send(new DatagramPacket(message, length));
            return length < message.length;
        }

        /** The largest length not above {@code max} that does not split a UTF-8 sequence. */
        static int utf8Boundary(byte[] bytes, int max) {
            int end = max;
            while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
                end--;
            }
            return end;
        }

        @Override
        void finish() {
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
