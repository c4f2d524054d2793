package io.cloudexchange.plugins.crowdstrike;

import io.cloudexchange.plugin.api.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls the Falcon API with an OAuth2 client-credentials token ({@code POST /oauth2/token}), cached in
 * memory per (URL, client, secret) until a minute before it expires and never written to storage. A 401
 * drops the token and the call is sent once more with a fresh one. 429 waits until
 * {@code X-RateLimit-RetryAfter} (epoch seconds; at most 60 s), 5xx and network errors back off
 * exponentially; both up to {@code maxAttempts}.
 */
final class FalconClient {

    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** An answer with a 2xx status or a 400 (whose body lists per-item errors). */
    record Answer(int status, Map<String, Object> body) {
    }

    private record Token(String value, Instant expires) {
    }

    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

    private final HttpClient http;
    private final FalconSettings settings;
    private final String userAgent;
    private final Clock clock;
    private final int maxAttempts;
    private final Sleeper sleeper;

    FalconClient(HttpClient http, FalconSettings settings, String userAgent, Clock clock, int maxAttempts,
                 Sleeper sleeper) {
        this.http = http;
        this.settings = settings;
        this.userAgent = userAgent;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.sleeper = sleeper;
    }

    /** Asks for a token even if one is cached, to check the credentials. */
    void checkCredentials() {
        TOKENS.remove(cacheKey());
        token();
    }

    Answer get(String pathAndQuery) {
        return call("GET", pathAndQuery, null);
    }

    Answer post(String path, Object json) {
        return call("POST", path, Json.write(json));
    }

    Answer delete(String pathAndQuery) {
        return call("DELETE", pathAndQuery, null);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Answer call(String method, String pathAndQuery, String json) {
        boolean renewed = false;
        for (int attempt = 1; ; attempt++) {
            String token = token();
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(120))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json")
                    .header("User-Agent", userAgent);
            request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            Duration wait = backoff(attempt);
            String problem;
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(
                        StandardCharsets.UTF_8));
                int status = response.statusCode();
                if ((status >= 200 && status < 300) || status == 400) {
                    return new Answer(status, body(response.body()));
                }
                if (status == 401 && !renewed) {
                    TOKENS.remove(cacheKey());
                    renewed = true;
                    attempt--;
                    continue;
                }
                if (status == 401 || status == 403) {
                    throw new FalconException(status == 403 ? FalconException.Kind.FORBIDDEN
                            : FalconException.Kind.CREDENTIALS, method + " " + path(pathAndQuery) + " was refused (HTTP "
                            + status + errors(response.body()) + ")" + (status == 403
                            ? ": give the API client the IOC Management scope" : ""));
                }
                if (status != 429 && status < 500) {
                    throw new FalconException(FalconException.Kind.REFUSED, method + " " + path(pathAndQuery)
                            + " answered HTTP " + status + errors(response.body()));
                }
                problem = "HTTP " + status;
                if (status == 429) {
                    wait = rateLimitWait(response, wait);
                }
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FalconException(FalconException.Kind.UNAVAILABLE, "interrupted");
            }
            pause(attempt, problem, wait, path(pathAndQuery));
        }
    }

    private Duration rateLimitWait(HttpResponse<String> response, Duration fallback) {
        try {
            long retryAt = response.headers().firstValueAsLong("X-RateLimit-RetryAfter").orElse(-1);
            if (retryAt < 0) {
                return fallback;
            }
            long seconds = retryAt - clock.instant().getEpochSecond();
            if (seconds > 60) {
                throw new FalconException(FalconException.Kind.UNAVAILABLE, "Rate limited for " + seconds
                        + " s (X-RateLimit-RetryAfter); the next run tries again");
            }
            return Duration.ofSeconds(Math.max(1, seconds));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private String token() {
        Token cached = TOKENS.get(cacheKey());
        if (cached != null && clock.instant().isBefore(cached.expires().minusSeconds(60))) {
            return cached.value();
        }
        String form = "client_id=" + encode(settings.clientId()) + "&client_secret=" + encode(settings.clientSecret());
        for (int attempt = 1; ; attempt++) {
            Duration wait = backoff(attempt);
            String problem;
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/oauth2/token"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "application/json")
                        .header("User-Agent", userAgent)
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status == 200 || status == 201) {
                    Map<String, Object> body = body(response.body());
                    Object accessToken = body.get("access_token");
                    long expiresIn = body.get("expires_in") instanceof Number n ? n.longValue() : 1799;
                    if (!(accessToken instanceof String value) || value.isEmpty()) {
                        throw new FalconException(FalconException.Kind.REFUSED, "/oauth2/token answered no access_token");
                    }
                    TOKENS.put(cacheKey(), new Token(value, clock.instant().plusSeconds(expiresIn)));
                    return value;
                }
                if (status == 400 || status == 401 || status == 403) {
                    throw new FalconException(FalconException.Kind.CREDENTIALS, "The client ID or secret was refused"
                            + " (HTTP " + status + errors(response.body()) + ")");
                }
                if (status == 404) {
                    throw new FalconException(FalconException.Kind.BAD_URL, "/oauth2/token was not found (HTTP 404):"
                            + " is this a Falcon API URL?");
                }
                problem = "HTTP " + status;
                if (status == 429) {
                    wait = rateLimitWait(response, wait);
                }
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FalconException(FalconException.Kind.UNAVAILABLE, "interrupted");
            }
            pause(attempt, problem, wait, "/oauth2/token");
        }
    }

    private void pause(int attempt, String problem, Duration wait, String what) {
        if (attempt >= maxAttempts) {
            throw new FalconException(FalconException.Kind.UNAVAILABLE, what + " failed after " + attempt
                    + " attempts: " + problem);
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FalconException(FalconException.Kind.UNAVAILABLE, "interrupted");
        }
    }

    private static Duration backoff(int attempt) {
        return Duration.ofSeconds(Math.min(30, 1L << (attempt - 1)));
    }

    private static Map<String, Object> body(String text) {
        try {
            return Json.object(Json.parse(text));
        } catch (IllegalArgumentException e) {
            throw new FalconException(FalconException.Kind.REFUSED, "The API did not answer JSON: " + e.getMessage());
        }
    }

    /** The {@code errors[].message} of a Falcon answer. */
    static String errors(String body) {
        try {
            List<Object> errors = Json.array(Json.object(Json.parse(body)).get("errors"));
            return errors.isEmpty() ? "" : ": " + String.join("; ", errors.stream()
                    .map(e -> String.valueOf(Json.object(e).get("message"))).toList());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private URI uri(String pathAndQuery) {
        try {
            URI uri = new URI(settings.baseUrl() + pathAndQuery);
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new FalconException(FalconException.Kind.BAD_URL, "Enter an https:// URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new FalconException(FalconException.Kind.BAD_URL, "Not a URL: " + e.getReason());
        }
    }

    private static String path(String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    }

    private String cacheKey() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((settings.baseUrl() + "\n" + settings.clientId()
                    + "\n" + settings.clientSecret()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
