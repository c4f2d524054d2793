package io.cloudexchange.plugins.azuremonitor;

import io.cloudexchange.plugin.api.json.Json;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Microsoft Entra's token endpoint and a Logs Ingestion endpoint, following their documented contracts:
 * client-credentials tokens (AADSTS90002 unknown tenant, AADSTS700016 unknown app, AADSTS7000215 wrong
 * secret, AADSTS70011 bad scope) and POST /dataCollectionRules/{id}/streams/{stream}?api-version=2023-01-01
 * taking a JSON array of at most 1 MB: 204, 400 bad payload, 401 bad token, 403 no role on the DCR,
 * 404 unknown DCR, 413 too large, and scripted 429/500/503.
 */
final class FakeAzure implements AutoCloseable {

    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String CLIENT = "0b2ad5ac-1e3c-4d27-9a4c-0d0b0d0b0d0b";
    static final String SECRET = "s3cr3t~value";
    static final String DCR = "dcr-0123456789abcdef0123456789abcdef";
    static final String STREAM = "Custom-NetskopeAlerts_CL";
    static final int MAX_BYTES = 1_048_576;

    private final HttpServer server;
    final List<Map<String, Object>> rows = Collections.synchronizedList(new ArrayList<>());
    final Set<String> validTokens = new HashSet<>();
    final Deque<String[]> scripted = new ArrayDeque<>();
    boolean appHasRole = true;
    int tokenRequests;
    int ingestionCalls;
    int largestBody;
    private int issued;

    FakeAzure() throws IOException {
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

    private synchronized void handle(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        if (path.endsWith("/oauth2/v2.0/token")) {
            token(exchange, path, new String(bytes, StandardCharsets.UTF_8));
        } else if (path.startsWith("/dataCollectionRules/")) {
            ingest(exchange, path, bytes);
        } else {
            reply(exchange, 404, "{\"error\":{\"code\":\"NotFound\",\"message\":\"no route\"}}", null);
        }
    }

    private void token(HttpExchange exchange, String path, String form) throws IOException {
        tokenRequests++;
        Map<String, String> fields = new HashMap<>();
        for (String pair : form.split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        String tenant = path.split("/")[1];
        if (!tenant.equals(TENANT)) {
            reply(exchange, 400, entraError("invalid_request", "AADSTS90002: Tenant '" + tenant + "' not found."), null);
        } else if (!"client_credentials".equals(fields.get("grant_type"))) {
            reply(exchange, 400, entraError("unsupported_grant_type", "AADSTS70003: grant type not supported"), null);
        } else if (!CLIENT.equals(fields.get("client_id"))) {
            reply(exchange, 400, entraError("unauthorized_client", "AADSTS700016: Application with identifier '"
                    + fields.get("client_id") + "' was not found in the directory."), null);
        } else if (!SECRET.equals(fields.get("client_secret"))) {
            reply(exchange, 401, entraError("invalid_client", "AADSTS7000215: Invalid client secret provided."), null);
        } else if (!"https://monitor.azure.com/.default".equals(fields.get("scope"))) {
            reply(exchange, 400, entraError("invalid_scope", "AADSTS70011: The provided value for scope is not valid."), null);
        } else {
            String token = "token-" + ++issued;
            validTokens.add(token);
            reply(exchange, 200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\""
                    + token + "\"}", null);
        }
    }

    private static String entraError(String error, String description) {
        return "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\\r\\nTrace ID: 1\",\"error_codes\":[1]}";
    }

    private void ingest(HttpExchange exchange, String path, byte[] bytes) throws IOException {
        ingestionCalls++;
        String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        if (!auth.startsWith("Bearer ") || !validTokens.contains(auth.substring(7))) {
            reply(exchange, 401, "{\"error\":{\"code\":\"InvalidToken\",\"message\":\"The authentication token is not valid.\"}}", null);
            return;
        }
        if (!"api-version=2023-01-01".equals(exchange.getRequestURI().getQuery())) {
            reply(exchange, 400, "{\"error\":{\"code\":\"InvalidApiVersion\",\"message\":\"unsupported api-version\"}}", null);
            return;
        }
        String[] parts = path.split("/");
        if (!parts[2].equals(DCR) || !parts[4].equals(STREAM)) {
            reply(exchange, 404, "{\"error\":{\"code\":\"NotFound\",\"message\":\"Data collection rule or stream not found.\"}}", null);
            return;
        }
        if (!appHasRole) {
            reply(exchange, 403, "{\"error\":{\"code\":\"OperationFailed\",\"message\":\"The authentication token provided"
                    + " does not have access to ingest data for the data collection rule with immutable Id '" + DCR + "'.\"}}", null);
            return;
        }
        if (!scripted.isEmpty()) {
            String[] next = scripted.poll();
            reply(exchange, Integer.parseInt(next[0]), next[1], next[2]);
            return;
        }
        if (bytes.length > MAX_BYTES) {
            reply(exchange, 413, "{\"error\":{\"code\":\"ContentLengthLimitExceeded\",\"message\":\"Maximum allowed content"
                    + " length: 1048576 bytes (1 MB).\"}}", null);
            return;
        }
        largestBody = Math.max(largestBody, bytes.length);
        Object body;
        try {
            body = Json.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            body = null;
        }
        if (!(body instanceof List<?> list)) {
            reply(exchange, 400, "{\"error\":{\"code\":\"InvalidPayload\",\"message\":\"The payload must be a JSON array.\"}}", null);
            return;
        }
        list.forEach(row -> rows.add(Json.object(row)));
        reply(exchange, 204, "", null);
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
