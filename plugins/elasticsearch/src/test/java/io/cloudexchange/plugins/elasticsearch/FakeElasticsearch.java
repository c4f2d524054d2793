package io.cloudexchange.plugins.elasticsearch;

import io.cloudexchange.plugin.api.json.Json;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local cluster following Elasticsearch's documented _bulk contract: NDJSON terminated by a newline
 * (400 otherwise), 413 above http.max_content_length, per-item results in request order with
 * {@code create} answering 201, or 409 version_conflict_engine_exception when the id exists;
 * mapper_parsing_exception (400) for a non-numeric {@code bytes} field (mapped as long); data streams
 * ({@code logs-*}) refuse documents without {@code @timestamp}; 429 es_rejected_execution_exception
 * for ids told to be rejected once. 401 security_exception for wrong credentials.
 */
final class FakeElasticsearch implements AutoCloseable {

    static final String USER = "elastic";
    static final String PASSWORD = "changeme";
    static final String API_KEY = Base64.getEncoder().encodeToString("key-id:key-secret".getBytes(StandardCharsets.UTF_8));

    private final HttpServer server;
    final Map<String, Map<String, Map<String, Object>>> indices = new ConcurrentHashMap<>();
    final Set<String> rejectOnce = new HashSet<>();
    final Deque<String[]> scripted = new ArrayDeque<>();
    int maxContentLength = 100_000_000;
    boolean rootForbidden;
    int bulkRequests;
    String lastQuery;

    FakeElasticsearch() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void script(int status, String body, String retryAfter) {
        scripted.add(new String[] {String.valueOf(status), body, retryAfter});
    }

    Map<String, Map<String, Object>> index(String name) {
        return indices.getOrDefault(name, Map.of());
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String basic = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(auth) && !("ApiKey " + API_KEY).equals(auth)) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"security\"");
            reply(exchange, 401, "{\"error\":{\"type\":\"security_exception\",\"reason\":\"unable to authenticate user\"},\"status\":401}", null);
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/") && exchange.getRequestMethod().equals("GET")) {
            if (rootForbidden) {
                reply(exchange, 403, "{\"error\":{\"type\":\"security_exception\",\"reason\":\"action [cluster:monitor/main] is unauthorized\"},\"status\":403}", null);
            } else {
                reply(exchange, 200, "{\"name\":\"node-1\",\"cluster_name\":\"test\",\"version\":{\"number\":\"8.15.0\"},\"tagline\":\"You Know, for Search\"}", null);
            }
            return;
        }
        if (!path.equals("/_bulk") || !exchange.getRequestMethod().equals("POST")) {
            reply(exchange, 404, "{\"error\":\"no handler found for uri [" + path + "]\",\"status\":404}", null);
            return;
        }
        bulkRequests++;
        lastQuery = exchange.getRequestURI().getQuery();
        if (!scripted.isEmpty()) {
            String[] next = scripted.poll();
            reply(exchange, Integer.parseInt(next[0]), next[1], next[2]);
            return;
        }
        if (bytes.length > maxContentLength) {
            reply(exchange, 413, "", null);
            return;
        }
        String body = new String(bytes, StandardCharsets.UTF_8);
        if (!body.endsWith("\n")) {
            reply(exchange, 400, "{\"error\":{\"type\":\"illegal_argument_exception\",\"reason\":\"The bulk request must be terminated by a newline [\\\\n]\"},\"status\":400}", null);
            return;
        }
        String[] lines = body.split("\n");
        StringBuilder items = new StringBuilder();
        boolean errors = false;
        for (int i = 0; i < lines.length; i += 2) {
            Map<String, Object> action = Json.object(Json.object(Json.parse(lines[i])).get("create"));
            String index = (String) action.get("_index");
            String id = (String) action.get("_id");
            String result;
            Map<String, Object> source;
            try {
                source = Json.object(Json.parse(lines[i + 1]));
            } catch (IllegalArgumentException e) {
                source = null;
            }
            if (source == null) {
                result = error(index, id, 400, "mapper_parsing_exception", "failed to parse");
            } else if (rejectOnce.remove(id)) {
                result = error(index, id, 429, "es_rejected_execution_exception", "rejected execution of coordinating operation");
            } else if (source.containsKey("bytes") && !(source.get("bytes") instanceof Number)) {
                result = error(index, id, 400, "document_parsing_exception", "[1:10] failed to parse field [bytes] of type [long]");
            } else if (index.startsWith("logs-") && !source.containsKey("@timestamp")) {
                result = error(index, id, 400, "document_parsing_exception", "data stream timestamp field [@timestamp] is missing");
            } else {
                Map<String, Map<String, Object>> docs = indices.computeIfAbsent(index, k -> new LinkedHashMap<>());
                if (docs.containsKey(id)) {
                    result = error(index, id, 409, "version_conflict_engine_exception",
                            "[" + id + "]: version conflict, document already exists (current version [1])");
                } else {
                    docs.put(id, source);
                    result = "{\"create\":{\"_index\":" + Json.quote(index) + ",\"_id\":" + Json.quote(id)
                            + ",\"_version\":1,\"result\":\"created\",\"status\":201}}";
                }
            }
            errors |= !result.contains("\"status\":201");
            items.append(items.length() == 0 ? "" : ",").append(result);
        }
        reply(exchange, 200, "{\"took\":3,\"errors\":" + errors + ",\"items\":[" + items + "]}", null);
    }

    private static String error(String index, String id, int status, String type, String reason) {
        return "{\"create\":{\"_index\":" + Json.quote(index) + ",\"_id\":" + Json.quote(id) + ",\"status\":" + status
                + ",\"error\":{\"type\":\"" + type + "\",\"reason\":" + Json.quote(reason) + "}}}";
    }

    private static void reply(HttpExchange exchange, int status, String body, String retryAfter) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
