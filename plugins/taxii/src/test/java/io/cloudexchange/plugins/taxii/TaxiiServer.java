package io.cloudexchange.plugins.taxii;

import io.cloudexchange.plugin.api.json.Json;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TAXII 2.1 server following the specification (OASIS TAXII 2.1, sections 4 and 5): discovery at
 * {@code /taxii2/}, one API root {@code /api1/}, collections, and objects with {@code added_after}
 * (strictly after the date added), {@code limit}, {@code next} and {@code match[type]}; the envelope's
 * {@code more}/{@code next} and the {@code X-TAXII-Date-Added-First/Last} headers; 406 without the
 * TAXII media type, 401 with an error message when basic authentication fails, 404 for unknown
 * collections, and programmable 429s with {@code Retry-After}.
 */
final class TaxiiServer implements AutoCloseable {

    static final String MEDIA_TYPE = "application/taxii+json;version=2.1";

    private record Stored(Instant dateAdded, Map<String, Object> object) {
    }

    private final HttpServer server;
    private final Map<String, String> titles = new LinkedHashMap<>();
    private final Map<String, List<Stored>> objects = new HashMap<>();
    private final Map<String, Integer> tokens = new HashMap<>();
    private final List<Integer> failures = new CopyOnWriteArrayList<>();
    final List<String> queries = new CopyOnWriteArrayList<>();
    private volatile String credentials;
    private volatile boolean withNext = true;
    private int tokenCounter;

    TaxiiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String discoveryUrl() {
        return base() + "/taxii2/";
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized TaxiiServer collection(String id, String title) {
        titles.put(id, title);
        objects.putIfAbsent(id, new ArrayList<>());
        return this;
    }

    synchronized TaxiiServer add(String collection, Instant dateAdded, Map<String, Object> object) {
        objects.get(collection).add(new Stored(dateAdded, object));
        objects.get(collection).sort(Comparator.comparing(Stored::dateAdded));
        return this;
    }

    TaxiiServer requireBasic(String user, String password) {
        credentials = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Pages say {@code more} without a {@code next} token, as the specification allows. */
    TaxiiServer withoutNext() {
        withNext = false;
        return this;
    }

    TaxiiServer tooManyRequests(int count) {
        for (int i = 0; i < count; i++) {
            failures.add(429);
        }
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        queries.add(path + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        if (!failures.isEmpty()) {
            failures.remove(0);
            exchange.getResponseHeaders().add("Retry-After", "1");
            send(exchange, 429, error("Too many requests"), null);
            return;
        }
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        if (accept == null || !accept.replace(" ", "").contains("application/taxii+json")) {
            send(exchange, 406, error("Not acceptable"), null);
            return;
        }
        if (credentials != null && !credentials.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"taxii\"");
            send(exchange, 401, error("Unauthorized"), null);
            return;
        }
        if (path.equals("/taxii2/")) {
            send(exchange, 200, Map.of("title", "Test TAXII", "default", base() + "/api1/",
                    "api_roots", List.of(base() + "/api1/")), null);
        } else if (path.equals("/api1/")) {
            send(exchange, 200, Map.of("title", "API root", "versions", List.of(MEDIA_TYPE),
                    "max_content_length", 104857600), null);
        } else if (path.equals("/api1/collections/")) {
            List<Object> collections = new ArrayList<>();
            synchronized (this) {
                titles.forEach((id, title) -> collections.add(Map.of("id", id, "title", title, "can_read", true,
                        "can_write", false, "media_types", List.of("application/stix+json;version=2.1"))));
            }
            send(exchange, 200, Map.of("collections", collections), null);
        } else if (path.matches("/api1/collections/[^/]+/objects/")) {
            objects(exchange, path.split("/")[3]);
        } else {
            send(exchange, 404, error("Not found"), null);
        }
    }

    private synchronized void objects(HttpExchange exchange, String collection) throws IOException {
        if (!objects.containsKey(collection)) {
            send(exchange, 404, error("Collection not found"), null);
            return;
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        Instant after = query.containsKey("added_after") ? Instant.parse(query.get("added_after")) : Instant.EPOCH;
        String type = query.get("match[type]");
        List<Stored> matching = objects.get(collection).stream()
                .filter(s -> s.dateAdded().isAfter(after))
                .filter(s -> type == null || type.equals(s.object().get("type")))
                .toList();
        int offset = 0;
        if (query.containsKey("next")) {
            Integer known = tokens.get(query.get("next"));
            if (known == null) {
                send(exchange, 400, error("Unknown next"), null);
                return;
            }
            offset = known;
        }
        int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
        List<Stored> page = matching.subList(Math.min(offset, matching.size()), Math.min(matching.size(), offset + limit));
        boolean more = offset + limit < matching.size();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("more", more);
        if (more && withNext) {
            String token = "t" + (++tokenCounter);
            tokens.put(token, offset + limit);
            envelope.put("next", token);
        }
        if (!page.isEmpty()) {
            envelope.put("objects", page.stream().map(Stored::object).toList());
        }
        Map<String, String> headers = page.isEmpty() ? Map.of() : Map.of(
                "X-TAXII-Date-Added-First", page.get(0).dateAdded().toString(),
                "X-TAXII-Date-Added-Last", page.get(page.size() - 1).dateAdded().toString());
        send(exchange, 200, envelope, headers);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private static Map<String, Object> error(String title) {
        return Map.of("title", title, "description", title + " (test server)");
    }

    private static void send(HttpExchange exchange, int status, Map<String, Object> body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", MEDIA_TYPE);
        if (headers != null) {
            headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        }
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
