package io.cloudexchange.plugins.misp;

import io.cloudexchange.plugin.api.json.Json;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code POST /attributes/restSearch} as MISP documents it (OpenAPI "restSearchAttributes"):
 * {@code Authorization: <key>} (403 with MISP's message otherwise), a JSON body with
 * {@code returnFormat}, {@code page} (from 1), {@code limit}, {@code timestamp} / {@code publish_timestamp}
 * ranges, {@code type}, {@code to_ids}, {@code published}, {@code tags} ({@code !tag} excludes),
 * {@code includeEventTags} and {@code deleted}, ordered by attribute id; the answer is
 * {@code {"response": {"Attribute": [...]}}}. Programmable 429s and 503s.
 */
final class MispServer implements AutoCloseable {

    static final String KEY = "k3yk3yk3yk3yk3yk3yk3yk3yk3yk3yk3yk3yk3yk";

    private final HttpServer server;
    private final List<Map<String, Object>> attributes = new ArrayList<>();
    private final List<Integer> failures = new CopyOnWriteArrayList<>();
    final List<Map<String, Object>> queries = new CopyOnWriteArrayList<>();
    private int nextId = 1;

    MispServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Adds an attribute of an event; {@code published} events get {@code publishedAt} as publish_timestamp. */
    synchronized MispServer attribute(String type, String value, long timestamp, boolean toIds, List<String> tags,
                                      List<String> eventTags, boolean published, long publishedAt) {
        Map<String, Object> attribute = new LinkedHashMap<>();
        int id = nextId++;
        attribute.put("id", Integer.toString(id));
        attribute.put("event_id", "7");
        attribute.put("type", type);
        attribute.put("category", "Network activity");
        attribute.put("value", value);
        attribute.put("to_ids", toIds);
        attribute.put("timestamp", Long.toString(timestamp));
        attribute.put("comment", "seen in campaign");
        attribute.put("deleted", false);
        attribute.put("Event", Map.of("id", "7", "info", "Phishing wave", "published", published,
                "publish_timestamp", Long.toString(publishedAt)));
        attribute.put("_tags", tags);
        attribute.put("_eventTags", eventTags);
        attributes.add(attribute);
        return this;
    }

    MispServer attribute(String type, String value, long timestamp) {
        return attribute(type, value, timestamp, true, List.of(), List.of(), true, timestamp);
    }

    MispServer fail(Integer... statuses) {
        failures.addAll(List.of(statuses));
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (!failures.isEmpty()) {
            exchange.getResponseHeaders().add("Retry-After", "1");
            send(exchange, failures.remove(0), Map.of("name", "busy", "message", "busy", "url", "/attributes/restSearch"));
            return;
        }
        if (!exchange.getRequestURI().getPath().equals("/attributes/restSearch")
                || !exchange.getRequestMethod().equals("POST")) {
            send(exchange, 404, Map.of("name", "Not Found", "message", "Not Found", "url", exchange.getRequestURI().getPath()));
            return;
        }
        if (!KEY.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 403, Map.of("name", "Authentication failed. Please make sure you pass the API key of an API"
                            + " enabled user along in the Authorization header.",
                    "message", "Authentication failed. Please make sure you pass the API key of an API enabled user"
                            + " along in the Authorization header.", "url", "/attributes/restSearch"));
            return;
        }
        Map<String, Object> query = Json.object(Json.parse(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8)));
        queries.add(query);
        if (!"json".equals(query.get("returnFormat"))) {
            send(exchange, 400, Map.of("name", "Invalid return format.", "message", "Invalid return format.",
                    "url", "/attributes/restSearch"));
            return;
        }
        send(exchange, 200, Map.of("response", Map.of("Attribute", search(query))));
    }

    private synchronized List<Object> search(Map<String, Object> query) {
        boolean eventTags = Boolean.TRUE.equals(query.get("includeEventTags"));
        List<Object> found = new ArrayList<>();
        for (Map<String, Object> attribute : attributes.stream()
                .sorted(Comparator.comparing(a -> Integer.parseInt((String) a.get("id")))).toList()) {
            Map<String, Object> event = Json.object(attribute.get("Event"));
            if (!inRange(query.get("timestamp"), attribute.get("timestamp"))
                    || !inRange(query.get("publish_timestamp"), event.get("publish_timestamp"))
                    || (query.get("type") != null && !Json.array(query.get("type")).contains(attribute.get("type")))
                    || (query.containsKey("to_ids") && !attribute.get("to_ids").equals(Long.valueOf(1).equals(query.get("to_ids"))))
                    || (query.containsKey("published") && !event.get("published").equals(Long.valueOf(1).equals(query.get("published"))))) {
                continue;
            }
            List<String> tags = new ArrayList<>(strings(attribute.get("_tags")));
            List<String> all = new ArrayList<>(tags);
            all.addAll(strings(attribute.get("_eventTags")));
            List<String> wanted = strings(query.get("tags"));
            List<String> include = wanted.stream().filter(t -> !t.startsWith("!")).toList();
            if ((!include.isEmpty() && include.stream().noneMatch(all::contains))
                    || wanted.stream().filter(t -> t.startsWith("!")).anyMatch(t -> all.contains(t.substring(1)))) {
                continue;
            }
            Map<String, Object> copy = new LinkedHashMap<>(attribute);
            copy.remove("_tags");
            copy.remove("_eventTags");
            copy.put("Tag", (eventTags ? all : tags).stream().map(name -> Map.of("id", "1", "name", name,
                    "colour", "#ffffff")).toList());
            found.add(copy);
        }
        int limit = query.get("limit") instanceof Long l ? l.intValue() : found.size();
        int page = query.get("page") instanceof Long p ? p.intValue() : 1;
        int from = Math.min(found.size(), (page - 1) * limit);
        return found.subList(from, Math.min(found.size(), from + limit));
    }

    private static boolean inRange(Object range, Object value) {
        if (range == null) {
            return true;
        }
        List<Object> bounds = Json.array(range);
        long v = Long.parseLong(String.valueOf(value));
        return v >= Long.parseLong(String.valueOf(bounds.get(0))) && v <= Long.parseLong(String.valueOf(bounds.get(1)));
    }

    private static List<String> strings(Object value) {
        return Json.array(value).stream().map(String::valueOf).toList();
    }

    private static void send(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
