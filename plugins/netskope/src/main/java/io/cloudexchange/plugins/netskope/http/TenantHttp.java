package io.cloudexchange.plugins.netskope.http;

import io.cloudexchange.plugin.api.KeyValueStore;
import io.cloudexchange.plugins.netskope.http.NetskopeApiException.Problem;
import io.cloudexchange.plugins.netskope.json.CapturedRecord;
import io.cloudexchange.plugins.netskope.json.JsonException;
import io.cloudexchange.plugins.netskope.json.JsonReader;
import io.cloudexchange.plugins.netskope.tenant.TenantUrl;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Calls one tenant with a v2 token: gzip, the tenant's rate limit ({@link RatePacer}), status
 * classification and bounded retries. The token is sent in a header and never appears in a message.
 */
public final class TenantHttp {

    private static final String TOKEN_HEADER = "Netskope-Api-Token";

    private final HttpClient client;
    private final TenantUrl tenant;
    private final String token;
    private final String userAgent;
    private final RatePacer pacer;
    private final Clock clock;
    private final RetryPolicy policy;
    private final Sleeper sleeper;

    public TenantHttp(HttpClient client, TenantUrl tenant, String token, String userAgent, KeyValueStore storage,
                      Clock clock, RetryPolicy policy, Sleeper sleeper) {
        this.client = client;
        this.tenant = tenant;
        this.token = token;
        this.userAgent = userAgent;
        this.pacer = new RatePacer(storage, clock);
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
        return send(HttpRequest.newBuilder(tenant.resolve(pathAndQuery)).GET(), pathAndQuery, TenantHttp::textResponse);
    }

    /**
     * A GET whose JSON object is parsed while the (gzip) body arrives, without a copy of the whole
     * body; a truncated or broken body is a {@link RetryableFailure#brokenBody}.
     */
    public Map<String, Object> getJsonObject(String pathAndQuery) throws RetryableFailure {
        return getJsonObject(pathAndQuery, null, null);
    }

    /**
     * As {@link #getJsonObject(String)}, with the objects of its arrays (export records) read as
     * {@link CapturedRecord}s: their text, the given id fields' integers as strings, and only the
     * kept fields in their maps.
     */
    public Map<String, Object> getJsonRecords(String pathAndQuery, java.util.Set<String> idFields,
                                              java.util.Set<String> keptFields) throws RetryableFailure {
        return getJsonObject(pathAndQuery, java.util.Objects.requireNonNull(idFields), keptFields);
    }

    private Map<String, Object> getJsonObject(String pathAndQuery, java.util.Set<String> idFields,
                                              java.util.Set<String> keptFields) throws RetryableFailure {
        Object json = send(HttpRequest.newBuilder(tenant.resolve(pathAndQuery)).GET(), pathAndQuery,
                (status, body) -> idFields == null ? JsonReader.parse(body)
                        : JsonReader.parseRecords(body, idFields, keptFields));
        if (json instanceof Map<?, ?> object) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) object;
            return typed;
        }
        throw RetryableFailure.brokenBody("expected a JSON object", null);
    }

    /** Sends a JSON body with the given method (POST, PATCH, PUT, DELETE). */
    public TenantResponse send(String method, String path, String json) throws RetryableFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(tenant.resolve(path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return send(request, path, TenantHttp::textResponse);
    }

    /** Reads a successful response's body, already gunzipped. */
    @FunctionalInterface
    private interface SuccessBody<T> {
        T read(int status, InputStream body) throws IOException;
    }

    private <T> T send(HttpRequest.Builder builder, String pathAndQuery, SuccessBody<T> success)
            throws RetryableFailure {
        String endpoint = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        awaitTurn();
        HttpRequest request = builder.timeout(policy.requestTimeout())
                .header(TOKEN_HEADER, token)
                .header("Accept-Encoding", "gzip")
                .header("Accept", "application/json")
                .header("User-Agent", userAgent)
                .build();
        long sentAt = clock.millis();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new RetryableFailure(endpoint + ": " + describe(e), 0, Duration.ZERO, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetskopeApiException(Problem.UNAVAILABLE, 0, endpoint + ": interrupted", e);
        }
        pacer.answered(response, sentAt);
        int status = response.statusCode();
        try (InputStream body = decoded(response)) {
            if (status >= 200 && status < 300) {
                return success.read(status, body);
            }
            throw failure(response, endpoint, text(body));
        } catch (IOException e) {
            throw RetryableFailure.brokenBody(describe(e), e);
        } catch (JsonException e) {
            throw RetryableFailure.brokenBody(e.getMessage(), e);
        }
    }

    private static TenantResponse textResponse(int status, InputStream body) throws IOException {
        return new TenantResponse(status, text(body));
    }

    private static String text(InputStream body) throws IOException {
        return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** For a status other than 2xx: throws the failure worth retrying, or returns the one that is final. */
    private static NetskopeApiException failure(HttpResponse<?> response, String endpoint, String body)
            throws RetryableFailure {
        int status = response.statusCode();
        String detail = tenantMessage(body);
        switch (status) {
            case 401 -> {
                return new NetskopeApiException(Problem.TOKEN_INVALID, status,
                        "The v2 API token is invalid or expired (HTTP 401 from " + endpoint + ")", null);
            }
            case 403 -> {
                return new NetskopeApiException(Problem.MISSING_SCOPE, status,
                        "The v2 API token lacks the scope " + endpoint + " (HTTP 403)", null);
            }
            case 429 -> throw new RetryableFailure(endpoint + ": rate limited (HTTP 429)", status,
                    RatePacer.retryAfter(response), false, null);
            case 409 -> throw new RetryableFailure(endpoint + ": in use by another request (HTTP 409)", status,
                    Duration.ZERO, false, null);
            default -> {
                if (status >= 500) {
                    throw new RetryableFailure(endpoint + ": HTTP " + status + detail, status, Duration.ZERO, true, null);
                }
                return new NetskopeApiException(Problem.REJECTED, status, endpoint + " refused the request: HTTP "
                        + status + detail, null);
            }
        }
    }

    private void awaitTurn() {
        long waitedFor = 0;
        while (true) {
            long notBefore = pacer.takeTurn(waitedFor);
            if (notBefore == 0) {
                return;
            }
            sleep(Duration.ofMillis(Math.max(0, notBefore - clock.millis())));
            waitedFor = notBefore;
        }
    }

    private static InputStream decoded(HttpResponse<InputStream> response) throws IOException {
        InputStream body = response.body();
        if (response.headers().firstValue("Content-Encoding").filter(e -> e.equalsIgnoreCase("gzip")).isEmpty()) {
            return body;
        }
        try {
            return new GZIPInputStream(body, 65536);
        } catch (IOException e) {
            body.close();
            throw e;
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
