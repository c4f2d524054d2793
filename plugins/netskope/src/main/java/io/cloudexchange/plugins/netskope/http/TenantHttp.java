package io.cloudexchange.plugins.netskope.http;

import io.cloudexchange.plugin.api.KeyValueStore;
import io.cloudexchange.plugins.netskope.http.NetskopeApiException.Problem;
import io.cloudexchange.plugins.netskope.json.JsonReader;
import io.cloudexchange.plugins.netskope.tenant.TenantUrl;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Calls one tenant with a v2 token: gzip, the tenant's rate limit (requests are spaced by
 * {@code ratelimit-limit}, and wait for {@code ratelimit-reset} once {@code ratelimit-remaining}
 * is 0; the pacing survives between calls in the configuration's storage), status classification
 * and bounded retries. The token is sent in a header and never appears in a message.
 */
public final class TenantHttp {

    static final String NOT_BEFORE_KEY = "ratelimit.not_before";
    private static final String TOKEN_HEADER = "Netskope-Api-Token";
    /** Keeps network jitter from squeezing two spaced requests into one rate window. */
    private static final long SPACING_MARGIN_MILLIS = 2;

    private final HttpClient client;
    private final TenantUrl tenant;
    private final String token;
    private final String userAgent;
    private final KeyValueStore storage;
    private final Clock clock;
    private final RetryPolicy policy;
    private final Sleeper sleeper;

    public TenantHttp(HttpClient client, TenantUrl tenant, String token, String userAgent, KeyValueStore storage,
                      Clock clock, RetryPolicy policy, Sleeper sleeper) {
        this.client = client;
        this.tenant = tenant;
        this.token = token;
        this.userAgent = userAgent;
        this.storage = storage;
        this.clock = clock;
        this.policy = policy;
        this.sleeper = sleeper;
    }

    /** One attempt of a call, retried by {@link #withRetries}. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run(int attempt) throws RetryableFailure;
    }

    /** Runs the attempt until it succeeds, fails for good, or the retry policy is spent. */
    public <T> T withRetries(String what, Attempt<T> attempt) {
        long waited = 0;
        for (int n = 1; ; n++) {
            try {
                return attempt.run(n);
            } catch (RetryableFailure failure) {
                Duration wait = policy.backoff(n);
                if (failure.retryAfter().compareTo(wait) > 0) {
                    wait = failure.retryAfter();
                }
                if (n >= policy.maxAttempts() || waited + wait.toMillis() > policy.maxTotalWait().toMillis()) {
                    throw new NetskopeApiException(Problem.UNAVAILABLE, failure.status(), what + " failed after " + n
                            + " attempts (" + waited / 1000 + " s of waiting): " + failure.getMessage()
                            + "; the run will be retried later", failure);
                }
                sleep(wait);
                waited += wait.toMillis();
            }
        }
    }

    public TenantResponse get(String pathAndQuery) throws RetryableFailure {
        return send(HttpRequest.newBuilder(tenant.resolve(pathAndQuery)).GET(), pathAndQuery);
    }

    /** Sends a JSON body with the given method (POST, PATCH, PUT, DELETE). */
    public TenantResponse send(String method, String path, String json) throws RetryableFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(tenant.resolve(path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return send(request, path);
    }

    private TenantResponse send(HttpRequest.Builder builder, String pathAndQuery) throws RetryableFailure {
        String endpoint = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        awaitTurn();
        HttpRequest request = builder.timeout(policy.requestTimeout())
                .header(TOKEN_HEADER, token)
                .header("Accept-Encoding", "gzip")
                .header("Accept", "application/json")
                .header("User-Agent", userAgent)
                .build();
        long sentAt = clock.millis();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new RetryableFailure(endpoint + ": " + describe(e), 0, Duration.ZERO, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetskopeApiException(Problem.UNAVAILABLE, 0, endpoint + ": interrupted", e);
        }
        pace(response, sentAt);
        int status = response.statusCode();
        String body = decode(response);
        if (status >= 200 && status < 300) {
            return new TenantResponse(status, body);
        }
        String detail = tenantMessage(body);
        switch (status) {
            case 401 -> throw new NetskopeApiException(Problem.TOKEN_INVALID, status,
                    "The v2 API token is invalid or expired (HTTP 401 from " + endpoint + ")", null);
            case 403 -> throw new NetskopeApiException(Problem.MISSING_SCOPE, status,
                    "The v2 API token lacks the scope " + endpoint + " (HTTP 403)", null);
            case 429 -> throw new RetryableFailure(endpoint + ": rate limited (HTTP 429)", status,
                    retryAfter(response), false, null);
            case 409 -> throw new RetryableFailure(endpoint + ": in use by another request (HTTP 409)", status,
                    Duration.ZERO, false, null);
            default -> {
                if (status >= 500) {
                    throw new RetryableFailure(endpoint + ": HTTP " + status + detail, status, Duration.ZERO, true, null);
                }
                throw new NetskopeApiException(Problem.REJECTED, status, endpoint + " refused the request: HTTP "
                        + status + detail, null);
            }
        }
    }

    private void awaitTurn() {
        long notBefore = storage.get(NOT_BEFORE_KEY).map(Long::parseLong).orElse(0L);
        long wait = notBefore - clock.millis();
        if (wait > 0) {
            sleep(Duration.ofMillis(wait));
        }
    }

    /** Spaces requests by the tenant's limit and, once none remain, waits for the window to reset. */
    private void pace(HttpResponse<?> response, long sentAt) {
        Optional<Long> limit = header(response, "ratelimit-limit");
        long notBefore = limit.filter(l -> l > 0).map(l -> sentAt + (1000 + l - 1) / l + SPACING_MARGIN_MILLIS)
                .orElse(0L);
        if (header(response, "ratelimit-remaining").filter(r -> r <= 0).isPresent()) {
            long reset = header(response, "ratelimit-reset").orElse(1L);
            notBefore = Math.max(notBefore, clock.millis() + reset * 1000);
        }
        if (response.statusCode() == 429) {
            notBefore = Math.max(notBefore, clock.millis() + retryAfter(response).toMillis());
        }
        if (notBefore > clock.millis()) {
            storage.put(NOT_BEFORE_KEY, Long.toString(notBefore));
        }
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return header(response, "Retry-After").map(Duration::ofSeconds).orElse(Duration.ofSeconds(60));
    }

    private static Optional<Long> header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).flatMap(value -> {
            try {
                return Optional.of(Long.parseLong(value.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static String decode(HttpResponse<byte[]> response) throws RetryableFailure {
        byte[] body = response.body();
        if (response.headers().firstValue("Content-Encoding").filter(e -> e.equalsIgnoreCase("gzip")).isEmpty()) {
            return new String(body, StandardCharsets.UTF_8);
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body), 65536)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw RetryableFailure.brokenBody("gzip stream: " + describe(e), e);
        }
    }

    private static String tenantMessage(String body) {
        try {
            Object message = JsonReader.parseObject(body).get("message");
            return message == null ? "" : " (" + shorten(message.toString()) + ")";
        } catch (RuntimeException notJson) {
            return "";
        }
    }

    private static String shorten(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    private void sleep(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetskopeApiException(Problem.UNAVAILABLE, 0, "interrupted while waiting", e);
        }
    }
}
