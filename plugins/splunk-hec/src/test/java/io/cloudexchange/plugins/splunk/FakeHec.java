package io.cloudexchange.plugins.splunk;

import io.cloudexchange.plugin.api.json.Json;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A local HTTP Event Collector following Splunk's documented contract: token check (401 code 2 when
 * missing, 403 code 4 when wrong), "No data" (400 code 5) for an empty body, "Invalid data format"
 * (400 code 6) and "Event field is required" (400 code 12) with invalid-event-number (events before it
 * are indexed), "Incorrect index" (400 code 7), 413 above max_content_length, channel required (400
 * code 10) and ackIds when acknowledgement is on, and /services/collector/ack (400 code 14 when off).
 */
final class FakeHec implements AutoCloseable {

    static final String TOKEN = "11111111-2222-3333-4444-555555555555";

    private final HttpServer server;
    final List<Map<String, Object>> indexed = Collections.synchronizedList(new ArrayList<>());
    final List<Map<String, String>> requestHeaders = Collections.synchronizedList(new ArrayList<>());
    final Deque<String[]> scripted = new ArrayDeque<>();
    Set<String> indexes = Set.of("main", "netskope");
    boolean ackEnabled;
    int pollsBeforeAck = 1;
    boolean neverAck;
    int maxContentLength = 1_000_000;
    private long nextAckId;
    private final Map<Long, Integer> ackPolls = new HashMap<>();
    private final Map<Long, List<Map<String, Object>>> unacked = new HashMap<>();
    int requests;

    FakeHec() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/services/collector/event", this::event);
        server.createContext("/services/collector/ack", this::ack);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next event request gets this status and body (and Retry-After when not null). */
    void script(int status, String body, String retryAfter) {
        scripted.add(new String[] {String.valueOf(status), body, retryAfter});
    }

    private synchronized void event(HttpExchange exchange) throws IOException {
        requests++;
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
        requestHeaders.add(headers);
        String auth = headers.get("authorization");
        if (auth == null) {
            reply(exchange, 401, "{\"text\":\"Token is required\",\"code\":2}", null);
            return;
        }
        if (!auth.equals("Splunk " + TOKEN)) {
            reply(exchange, 403, "{\"text\":\"Invalid token\",\"code\":4}", null);
            return;
        }
        if (!scripted.isEmpty()) {
            String[] next = scripted.poll();
            reply(exchange, Integer.parseInt(next[0]), next[1], next[2]);
            return;
        }
        if (bytes.length > maxContentLength) {
            reply(exchange, 413, "{\"text\":\"Content length exceeds max_content_length\",\"code\":6}", null);
            return;
        }
        String channel = headers.get("x-splunk-request-channel");
        if (ackEnabled && channel == null) {
            reply(exchange, 400, "{\"text\":\"Data channel is missing\",\"code\":10}", null);
            return;
        }
        String body = new String(bytes, StandardCharsets.UTF_8).strip();
        if (body.isEmpty()) {
            reply(exchange, 400, "{\"text\":\"No data\",\"code\":5}", null);
            return;
        }
        List<Map<String, Object>> accepted = new ArrayList<>();
        String[] lines = body.split("\n");
        for (int i = 0; i < lines.length; i++) {
            Map<String, Object> event;
            try {
                event = Json.object(Json.parse(lines[i]));
            } catch (IllegalArgumentException e) {
                indexed.addAll(accepted);
                reply(exchange, 400, "{\"text\":\"Invalid data format\",\"code\":6,\"invalid-event-number\":" + i + "}", null);
                return;
            }
            if (event.get("event") == null) {
                indexed.addAll(accepted);
                reply(exchange, 400, "{\"text\":\"Event field is required\",\"code\":12,\"invalid-event-number\":" + i + "}", null);
                return;
            }
            if (event.get("index") != null && !indexes.contains(event.get("index"))) {
                indexed.addAll(accepted);
                reply(exchange, 400, "{\"text\":\"Incorrect index\",\"code\":7,\"invalid-event-number\":" + i + "}", null);
                return;
            }
            accepted.add(event);
        }
        if (ackEnabled) {
            long id = nextAckId++;
            unacked.put(id, accepted);
            ackPolls.put(id, 0);
            reply(exchange, 200, "{\"text\":\"Success\",\"code\":0,\"ackId\":" + id + "}", null);
        } else {
            indexed.addAll(accepted);
            reply(exchange, 200, "{\"text\":\"Success\",\"code\":0}", null);
        }
    }

    private synchronized void ack(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!("Splunk " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            reply(exchange, 403, "{\"text\":\"Invalid token\",\"code\":4}", null);
            return;
        }
        if (!ackEnabled) {
            reply(exchange, 400, "{\"text\":\"ACK is disabled\",\"code\":14}", null);
            return;
        }
        if (exchange.getRequestHeaders().getFirst("X-Splunk-Request-Channel") == null) {
            reply(exchange, 400, "{\"text\":\"Data channel is missing\",\"code\":10}", null);
            return;
        }
        StringBuilder answer = new StringBuilder("{\"acks\":{");
        List<?> ids = Json.array(Json.object(Json.parse(body)).get("acks"));
        for (int i = 0; i < ids.size(); i++) {
            long id = ((Number) ids.get(i)).longValue();
            int polls = ackPolls.merge(id, 1, Integer::sum);
            boolean done = !neverAck && unacked.containsKey(id) && polls > pollsBeforeAck;
            if (done) {
                indexed.addAll(unacked.remove(id));
            }
            answer.append(i == 0 ? "" : ",").append('"').append(id).append("\":").append(done || (!unacked.containsKey(id) && id < nextAckId));
        }
        reply(exchange, 200, answer.append("}}").toString(), null);
    }

    private static void reply(HttpExchange exchange, int status, String body, String retryAfter) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
