package io.cloudexchange.plugins.webhook;

import io.cloudexchange.plugin.api.json.Json;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A local webhook receiver: checks the secret header, inflates gzip bodies, parses NDJSON or a JSON
 * array, answers 413 above its body limit and 400 to malformed JSON, and can be told to fail.
 */
final class FakeWebhook implements AutoCloseable {

    static final String SECRET = "Bearer s3cr3t";

    private final HttpServer server;
    final List<Object> received = Collections.synchronizedList(new ArrayList<>());
    final List<String> contentEncodings = Collections.synchronizedList(new ArrayList<>());
    final Deque<String[]> scripted = new ArrayDeque<>();
    int maxBodyBytes = 10_000_000;
    int requests;

    FakeWebhook() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ingest", this::ingest);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/ingest";
    }

    void script(int status, String retryAfter) {
        scripted.add(new String[] {String.valueOf(status), retryAfter});
    }

    private synchronized void ingest(HttpExchange exchange) throws IOException {
        requests++;
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        if (!"POST".equals(exchange.getRequestMethod())) {
            reply(exchange, 405, null);
            return;
        }
        if (!SECRET.equals(exchange.getRequestHeaders().getFirst("X-Api-Key"))) {
            reply(exchange, 401, null);
            return;
        }
        if (!scripted.isEmpty()) {
            String[] next = scripted.poll();
            reply(exchange, Integer.parseInt(next[0]), next[1]);
            return;
        }
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        contentEncodings.add(String.valueOf(encoding));
        if ("gzip".equals(encoding)) {
            bytes = new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes();
        }
        if (bytes.length > maxBodyBytes) {
            reply(exchange, 413, null);
            return;
        }
        String body = new String(bytes, StandardCharsets.UTF_8);
        List<Object> records = new ArrayList<>();
        try {
            if (exchange.getRequestHeaders().getFirst("Content-Type").equals("application/x-ndjson")) {
                for (String line : body.split("\n")) {
                    if (!line.isEmpty()) {
                        records.add(Json.parse(line));
                    }
                }
            } else {
                records.addAll(Json.array(Json.parse(body)));
            }
        } catch (IllegalArgumentException e) {
            reply(exchange, 400, null);
            return;
        }
        received.addAll(records);
        reply(exchange, records.isEmpty() ? 400 : 202, null);
    }

    private static void reply(HttpExchange exchange, int status, String retryAfter) throws IOException {
        if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
