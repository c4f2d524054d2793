package io.cloudexchange.netskope.simulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Answers every request: route, token and scope check (401/403), rate limit (429), injected faults,
 * then the endpoint; gzip when the client accepts it.
 */
public final class Router implements HttpHandler {

    private final List<Route> routes;
    private final TokenRegistry tokens;
    private final String v1Token;
    private final RateLimiter rateLimiter;
    private final Faults faults;
    private final RequestLog log;
    private final Clock clock;

    public Router(List<Route> routes, TokenRegistry tokens, String v1Token, int requestsPerSecond, Faults faults,
                  RequestLog log, Clock clock) {
        this.routes = List.copyOf(routes);
        this.tokens = tokens;
        this.v1Token = v1Token;
        this.rateLimiter = new RateLimiter(requestsPerSecond);
        this.faults = faults;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = ApiRequest.parseQuery(exchange.getRequestURI().getRawQuery());
            byte[] body = exchange.getRequestBody().readAllBytes();
            ApiResponse response;
            boolean truncate = false;
            try {
                response = answer(exchange.getRequestMethod(), path, query, exchange.getRequestHeaders(), body);
                truncate = response.status() == 200 && faults.takeTruncated();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                response = ApiResponse.error(503, "simulator stopping");
            } catch (RuntimeException e) {
                response = ApiResponse.error(400, "bad request: " + e.getMessage());
            }
            log.add(new RequestLog.Entry(clock.instant(), exchange.getRequestMethod(), path, query.get("index"),
                    query.get("operation"), response.status()));
            send(exchange, response, truncate);
        }
    }

    private ApiResponse answer(String method, String path, Map<String, String> query,
                               Map<String, List<String>> headers, byte[] body) throws InterruptedException {
        Route route = null;
        Matcher match = null;
        boolean pathKnown = false;
        for (Route candidate : routes) {
            Matcher m = candidate.path().matcher(path);
            if (m.matches()) {
                pathKnown = true;
                if (candidate.method().equals(method)) {
                    route = candidate;
                    match = m;
                    break;
                }
            }
        }
        if (route == null) {
            return ApiResponse.error(pathKnown ? 405 : 404, pathKnown ? "method not allowed" : "no such endpoint " + path);
        }
        ApiRequest request = new ApiRequest(method, path, query, headers, body, match);
        String token = route.auth() == Route.Auth.V2 ? v2Token(request) : null;
        if (route.auth() == Route.Auth.V2) {
            TokenRegistry.Verdict verdict = tokens.check(token, route.scope().apply(path));
            if (verdict == TokenRegistry.Verdict.UNKNOWN_OR_EXPIRED) {
                return ApiResponse.error(401, "Unauthorized: the API token is invalid or has expired");
            }
            if (verdict == TokenRegistry.Verdict.MISSING_SCOPE) {
                return ApiResponse.error(403, "Forbidden: the token has no access to " + route.scope().apply(path));
            }
        } else if (!v1Token.equals(V1Tokens.of(request))) {
            return ApiResponse.json(200, "{\"status\":\"error\",\"errors\":[\"Invalid token\"]}");
        }
        RateLimiter.Decision decision = rateLimiter.enabled() ? rateLimiter.acquire(token, clock.millis()) : null;
        int retryAfter = faults.takeTooManyRequests();
        if (decision != null && !decision.allowed() || retryAfter > 0) {
            ApiResponse tooMany = ApiResponse.error(429, "Too many requests")
                    .withHeader("Retry-After", String.valueOf(Math.max(retryAfter, 1)));
            return decision == null ? tooMany : withRateHeaders(tooMany, decision);
        }
        if (faults.takeServerError()) {
            return ApiResponse.error(500, "Internal server error (injected)");
        }
        Duration delay = faults.takeSlowDelay();
        if (!delay.isZero()) {
            Thread.sleep(delay.toMillis());
        }
        ApiResponse response = route.handler().apply(request);
        return decision == null ? response : withRateHeaders(response, decision);
    }

    private static ApiResponse withRateHeaders(ApiResponse response, RateLimiter.Decision decision) {
        return response.withHeader("ratelimit-limit", String.valueOf(decision.limit()))
                .withHeader("ratelimit-remaining", String.valueOf(decision.remaining()))
                .withHeader("ratelimit-reset", String.valueOf(decision.resetSeconds()));
    }

    private static String v2Token(ApiRequest request) {
        String token = request.header("Netskope-Api-Token");
        if (token != null) {
            return token;
        }
        String authorization = request.header("Authorization");
        return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
    }

    private static void send(HttpExchange exchange, ApiResponse response, boolean truncate) throws IOException {
        String acceptEncoding = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        boolean gzip = acceptEncoding != null && acceptEncoding.contains("gzip");
        byte[] body;
        if (gzip && response.gzippedBody() != null) {
            body = response.gzippedBody();
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        } else {
            body = response.plainBody();
            if (gzip && body.length > 0) {
                body = Gzip.compress(body);
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            }
        }
        if (truncate) {
            body = Arrays.copyOf(body, body.length / 2);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
