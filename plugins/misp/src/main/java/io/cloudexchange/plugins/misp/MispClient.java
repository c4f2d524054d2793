package io.cloudexchange.plugins.misp;

import io.cloudexchange.plugin.api.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /attributes/restSearch} with {@code Authorization: <key>}, JSON in and out. 429, 5xx and
 * network errors are retried with capped exponential backoff (a short {@code Retry-After} honoured).
 */
final class MispClient {

    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final HttpClient http;
    private final MispSettings settings;
    private final String userAgent;
    private final int maxAttempts;
    private final Sleeper sleeper;

    MispClient(HttpClient http, MispSettings settings, String userAgent, int maxAttempts, Sleeper sleeper) {
        this.http = http;
        this.settings = settings;
        this.userAgent = userAgent;
        this.maxAttempts = maxAttempts;
        this.sleeper = sleeper;
    }

    /** The {@code response.Attribute} array of a search. */
    List<Object> searchAttributes(Map<String, Object> query) {
        URI uri = uri(settings.baseUrl() + "/attributes/restSearch");
        String body = Json.write(query);
        for (int attempt = 1; ; attempt++) {
            Duration wait = Duration.ofSeconds(Math.min(30, 1L << (attempt - 1)));
            String problem;
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(300))
                                .header("Authorization", settings.apiKey())
                                .header("Accept", "application/json")
                                .header("Content-Type", "application/json")
                                .header("User-Agent", userAgent)
                                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status == 200) {
                    return attributes(response.body());
                }
                if (status == 401 || status == 403) {
                    throw new MispException(MispException.Kind.AUTHENTICATION, "MISP refused the API key (HTTP "
                            + status + message(response.body()) + ")");
                }
                if (status == 404) {
                    throw new MispException(MispException.Kind.NOT_FOUND, uri.getPath() + " was not found (HTTP 404):"
                            + " is this the MISP URL?");
                }
                if (status != 429 && status < 500) {
                    throw new MispException(MispException.Kind.REFUSED, "MISP refused the search (HTTP " + status
                            + message(response.body()) + ")");
                }
                problem = "HTTP " + status;
                long retryAfter = response.headers().firstValueAsLong("Retry-After").orElse(0);
                if (retryAfter > 60) {
                    throw new MispException(MispException.Kind.UNAVAILABLE, "MISP asks to wait " + retryAfter
                            + " s; the next run tries again");
                }
                wait = retryAfter > wait.toSeconds() ? Duration.ofSeconds(retryAfter) : wait;
            } catch (NumberFormatException e) {
                problem = "bad Retry-After";
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MispException(MispException.Kind.UNAVAILABLE, "interrupted");
            }
            if (attempt >= maxAttempts) {
                throw new MispException(MispException.Kind.UNAVAILABLE, "Cannot reach " + uri.getHost() + " after "
                        + attempt + " attempts: " + problem);
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MispException(MispException.Kind.UNAVAILABLE, "interrupted");
            }
        }
    }

    private static List<Object> attributes(String body) {
        Object json;
        try {
            json = Json.parse(body);
        } catch (IllegalArgumentException e) {
            throw new MispException(MispException.Kind.REFUSED, "MISP did not answer JSON: " + e.getMessage());
        }
        Object response = Json.object(json).get("response");
        if (response instanceof List<?> empty && empty.isEmpty()) {
            return List.of();
        }
        if (!(response instanceof Map<?, ?>)) {
            throw new MispException(MispException.Kind.REFUSED, "MISP answered without a response object");
        }
        return Json.array(Json.object(response).get("Attribute"));
    }

    private static String message(String body) {
        try {
            Map<String, Object> error = Json.object(Json.parse(body));
            Object message = error.containsKey("message") ? error.get("message") : error.get("name");
            return message == null ? "" : ": " + message;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    static URI uri(String url) {
        try {
            URI uri = new URI(url);
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new MispException(MispException.Kind.BAD_URL, "Enter an http:// or https:// URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new MispException(MispException.Kind.BAD_URL, "Not a URL: " + e.getReason());
        }
    }
}
