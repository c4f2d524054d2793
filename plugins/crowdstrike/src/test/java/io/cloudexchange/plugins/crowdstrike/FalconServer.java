package io.cloudexchange.plugins.crowdstrike;

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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Falcon endpoints the plugin uses, after CrowdStrike's API reference: {@code POST /oauth2/token}
 * (form client credentials, 201 with {@code access_token}/{@code expires_in}, 403 otherwise),
 * bearer tokens (401 for unknown ones), {@code GET /iocs/combined/indicator/v1} with FQL
 * {@code filter} ({@code modified_on:>'t'}, {@code source:'s'}, {@code source:!'s'}, {@code value:[...]}
 * joined by {@code +}), {@code sort}, {@code limit} (at most 2000) and {@code after},
 * {@code POST /iocs/entities/indicators/v1} (at most 2000 per request; per-IOC errors, duplicates
 * refused) and {@code DELETE /iocs/entities/indicators/v1?ids=}. The shape of per-IOC errors in a
 * create answer ({@code message_type: "error"}) is our reading of the reference.
 */
final class FalconServer implements AutoCloseable {

    static final String CLIENT_ID = "client-1";
    static final String SECRET = "secret-1";
    private static final Set<String> HASH_ACTIONS = Set.of("allow", "prevent_no_ui", "prevent", "detect", "no_action");
    private static final Set<String> NETWORK_ACTIONS = Set.of("detect", "no_action");

    private final HttpServer server;
    private final Set<String> tokens = new HashSet<>();
    private final Map<String, Map<String, Object>> iocs = new LinkedHashMap<>();
    private final Set<String> keys = new HashSet<>();
    private final Map<String, Integer> afterTokens = new HashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    final AtomicInteger tokenRequests = new AtomicInteger();
    final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Integer> failures = new CopyOnWriteArrayList<>();
    private volatile long expiresIn = 1799;

    FalconServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized FalconServer ioc(String type, String value, String source, Instant modified) {
        String id = "ioc-" + ids.incrementAndGet();
        Map<String, Object> ioc = new LinkedHashMap<>();
        ioc.put("id", id);
        ioc.put("type", type);
        ioc.put("value", value);
        ioc.put("action", "detect");
        ioc.put("severity", "high");
        ioc.put("platforms", List.of("windows"));
        ioc.put("source", source);
        ioc.put("description", "from " + source);
        ioc.put("tags", List.of("apt"));
        ioc.put("created_on", modified.toString());
        ioc.put("modified_on", modified.toString());
        keys.add(type + ":" + value);
        iocs.put(id, ioc);
        return this;
    }

    synchronized List<Map<String, Object>> iocs() {
        return List.copyOf(iocs.values());
    }

    /** Forgets every token issued, as if they had expired. */
    synchronized void expireTokens() {
        tokens.clear();
    }

    FalconServer rateLimit(int count) {
        for (int i = 0; i < count; i++) {
            failures.add(429);
        }
        return this;
    }

    FalconServer fail(Integer... statuses) {
        failures.addAll(List.of(statuses));
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(exchange.getRequestMethod() + " " + path);
        if (!failures.isEmpty()) {
            int status = failures.remove(0);
            if (status == 429) {
                exchange.getResponseHeaders().add("X-RateLimit-Limit", "6000");
                exchange.getResponseHeaders().add("X-RateLimit-Remaining", "0");
                exchange.getResponseHeaders().add("X-RateLimit-RetryAfter",
                        Long.toString(Instant.now().getEpochSecond() + 1));
            }
            send(exchange, status, error(status, status == 429 ? "API rate limit exceeded." : "internal error"));
            return;
        }
        if (!path.equals("/oauth2/token") && !path.startsWith("/iocs/")) {
            send(exchange, 404, error(404, "Not Found"));
            return;
        }
        if (path.equals("/oauth2/token") && exchange.getRequestMethod().equals("POST")) {
            token(exchange);
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        synchronized (this) {
            if (authorization == null || !authorization.startsWith("Bearer ") || !tokens.contains(authorization.substring(7))) {
                send(exchange, 401, error(401, "access denied, invalid bearer token"));
                return;
            }
        }
        Map<String, List<String>> query = query(exchange.getRequestURI().getRawQuery());
        switch (exchange.getRequestMethod() + " " + path) {
            case "GET /iocs/combined/indicator/v1" -> search(exchange, query);
            case "POST /iocs/entities/indicators/v1" -> create(exchange);
            case "DELETE /iocs/entities/indicators/v1" -> delete(exchange, query);
            default -> send(exchange, 404, error(404, "Not Found"));
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        Map<String, List<String>> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!List.of(CLIENT_ID).equals(form.get("client_id")) || !List.of(SECRET).equals(form.get("client_secret"))) {
            send(exchange, 403, error(403, "access denied, authorization failed"));
            return;
        }
        String token = "token-" + tokenRequests.get();
        synchronized (this) {
            tokens.add(token);
        }
        send(exchange, 201, Map.of("access_token", token, "token_type", "bearer", "expires_in", expiresIn));
    }

    private synchronized void search(HttpExchange exchange, Map<String, List<String>> query) throws IOException {
        int limit = Integer.parseInt(first(query, "limit", "100"));
        if (limit > 2000) {
            send(exchange, 400, error(400, "limit must be at most 2000"));
            return;
        }
        List<Map<String, Object>> matching = new ArrayList<>();
        for (Map<String, Object> ioc : iocs.values()) {
            if (matches(first(query, "filter", ""), ioc)) {
                matching.add(ioc);
            }
        }
        if ("modified_on.asc".equals(first(query, "sort", ""))) {
            matching.sort(Comparator.comparing(ioc -> Instant.parse((String) ioc.get("modified_on"))));
        }
        int offset = query.containsKey("after") ? afterTokens.getOrDefault(first(query, "after", ""), 0) : 0;
        List<Map<String, Object>> page = matching.subList(Math.min(offset, matching.size()),
                Math.min(matching.size(), offset + limit));
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("limit", limit);
        pagination.put("total", matching.size());
        if (offset + limit < matching.size()) {
            String after = "after-" + (offset + limit) + "-" + afterTokens.size();
            afterTokens.put(after, offset + limit);
            pagination.put("after", after);
        }
        send(exchange, 200, Map.of("meta", Map.of("query_time", 0.01, "pagination", pagination), "errors", List.of(),
                "resources", page));
    }

    private static final Pattern CLAUSE = Pattern.compile("(\\w+):(>|!)?(?:'((?:[^'\\\\]|\\\\.)*)'|\\[(.*)])");
    private static final Pattern LIST_ITEM = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'");

    private static boolean matches(String filter, Map<String, Object> ioc) {
        if (filter.isEmpty()) {
            return true;
        }
        Matcher clause = CLAUSE.matcher(filter);
        while (clause.find()) {
            Object field = ioc.get(clause.group(1));
            String operator = clause.group(2);
            if (clause.group(4) != null) {
                List<String> values = new ArrayList<>();
                Matcher item = LIST_ITEM.matcher(clause.group(4));
                while (item.find()) {
                    values.add(item.group(1).replace("\\'", "'"));
                }
                if (!values.contains(String.valueOf(field))) {
                    return false;
                }
            } else if (">".equals(operator)) {
                if (!Instant.parse(String.valueOf(field)).isAfter(Instant.parse(clause.group(3)))) {
                    return false;
                }
            } else if ("!".equals(operator) == clause.group(3).equals(String.valueOf(field))) {
                return false;
            }
        }
        return true;
    }

    private synchronized void create(HttpExchange exchange) throws IOException {
        Map<String, Object> body = Json.object(Json.parse(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8)));
        List<Object> indicators = Json.array(body.get("indicators"));
        if (indicators.size() > 2000) {
            send(exchange, 400, error(400, "at most 2000 indicators per request"));
            return;
        }
        List<Object> resources = new ArrayList<>();
        boolean failed = false;
        for (Object item : indicators) {
            Map<String, Object> ioc = new LinkedHashMap<>(Json.object(item));
            String problem = problem(ioc);
            if (problem != null) {
                failed = true;
                resources.add(Map.of("type", String.valueOf(ioc.get("type")), "value", String.valueOf(ioc.get("value")),
                        "message_type", "error", "message", problem));
                continue;
            }
            String id = "ioc-" + ids.incrementAndGet();
            ioc.put("id", id);
            ioc.put("created_on", Instant.now().toString());
            ioc.put("modified_on", Instant.now().toString());
            iocs.put(id, ioc);
            resources.add(ioc);
        }
        send(exchange, failed ? 400 : 201, Map.of("meta", Map.of("query_time", 0.01), "errors",
                failed ? List.of(Map.of("code", 400, "message", "some indicators were not created")) : List.of(),
                "resources", resources));
    }

    private String problem(Map<String, Object> ioc) {
        String type = String.valueOf(ioc.get("type"));
        String value = String.valueOf(ioc.get("value"));
        boolean hash = type.equals("md5") || type.equals("sha256");
        boolean valid = switch (type) {
            case "md5" -> value.matches("[0-9a-f]{32}");
            case "sha256" -> value.matches("[0-9a-f]{64}");
            case "domain" -> value.matches("([a-z0-9_-]+\\.)+[a-z]{2,}");
            case "ipv4" -> value.matches("\\d{1,3}(\\.\\d{1,3}){3}");
            case "ipv6" -> value.contains(":");
            default -> false;
        };
        if (!valid) {
            return "Invalid value '" + value + "' for type '" + type + "'";
        }
        if (!(hash ? HASH_ACTIONS : NETWORK_ACTIONS).contains(String.valueOf(ioc.get("action")))) {
            return "Action '" + ioc.get("action") + "' is not valid for type '" + type + "'";
        }
        if (Json.array(ioc.get("platforms")).isEmpty()) {
            return "platforms is required";
        }
        if (!keys.add(type + ":" + value)) {
            return "Duplicate type: '" + type + "' and value: '" + value + "' combination.";
        }
        return null;
    }

    private synchronized void delete(HttpExchange exchange, Map<String, List<String>> query) throws IOException {
        List<String> deleted = new ArrayList<>();
        for (String id : query.getOrDefault("ids", List.of())) {
            Map<String, Object> removed = iocs.remove(id);
            if (removed != null) {
                keys.remove(removed.get("type") + ":" + removed.get("value"));
                deleted.add(id);
            }
        }
        send(exchange, 200, Map.of("meta", Map.of("query_time", 0.01), "errors", List.of(), "resources", deleted));
    }

    private static String first(Map<String, List<String>> query, String key, String fallback) {
        List<String> values = query.get(key);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> query = new HashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                query.computeIfAbsent(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
                        .add(parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private static Map<String, Object> error(int code, String message) {
        return Map.of("meta", Map.of("query_time", 0.0), "errors", List.of(Map.of("code", code, "message", message)),
                "resources", List.of());
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
