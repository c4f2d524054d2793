package io.cloudexchange.plugins.textfeed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;

/**
 * A feed over HTTP as web servers serve static files: a strong ETag and Last-Modified, 304 for a
 * matching If-None-Match or If-Modified-Since, gzip when asked, optional basic authentication (401
 * with WWW-Authenticate), and programmable failures (status codes with Retry-After).
 */
final class FeedServer implements AutoCloseable {

    private final HttpServer server;
    private volatile String body = "";
    private volatile int version = 1;
    private volatile String credentials;
    private volatile boolean validators = true;
    private final List<Integer> failures = new CopyOnWriteArrayList<>();
    private volatile String retryAfter;
    final List<Map<String, List<String>>> requests = new CopyOnWriteArrayList<>();
    final List<Integer> statuses = new CopyOnWriteArrayList<>();

    FeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Publishes a new version of the feed. */
    FeedServer serve(String content) {
        body = content;
        version++;
        return this;
    }

    FeedServer requireBasic(String user, String password) {
        credentials = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    FeedServer withoutValidators() {
        validators = false;
        return this;
    }

    FeedServer failNext(String retryAfterSeconds, Integer... statusCodes) {
        retryAfter = retryAfterSeconds;
        failures.addAll(List.of(statusCodes));
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.add(Map.copyOf(exchange.getRequestHeaders()));
        if (!failures.isEmpty()) {
            int status = failures.remove(0);
            if (retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            send(exchange, status, new byte[0]);
            return;
        }
        if (!exchange.getRequestURI().getPath().equals("/feed")) {
            send(exchange, 404, "not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (credentials != null && !credentials.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"feed\"");
            send(exchange, 401, new byte[0]);
            return;
        }
        String etag = "\"v" + version + "\"";
        String lastModified = "Wed, 0" + Math.min(version, 9) + " Jan 2025 00:00:00 GMT";
        if (validators) {
            exchange.getResponseHeaders().add("ETag", etag);
            exchange.getResponseHeaders().add("Last-Modified", lastModified);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))
                    || (exchange.getRequestHeaders().getFirst("If-None-Match") == null
                    && lastModified.equals(exchange.getRequestHeaders().getFirst("If-Modified-Since")))) {
                exchange.sendResponseHeaders(304, -1);
                statuses.add(304);
                exchange.close();
                return;
            }
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String encoding = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        if (encoding != null && encoding.contains("gzip")) {
            var buffer = new java.io.ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(buffer)) {
                gzip.write(bytes);
            }
            bytes = buffer.toByteArray();
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
        }
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        send(exchange, 200, bytes);
    }

    private void send(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        statuses.add(status);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    List<Integer> statuses() {
        return new ArrayList<>(statuses);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
