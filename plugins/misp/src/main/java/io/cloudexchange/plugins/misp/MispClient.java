package io.cloudexchange.plugins.misp;

import io.cloudexchange.plugin.api.http.Retries;
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
 * {@code POST /attributes/restSearch} with {@code Authorization: <key>}, JSON in and out; transient
 * failures are retried as {@link Retries} does.
 */
final class MispClient {

    private final Retries retries;
    private final MispSettings settings;
    private final String userAgent;

    MispClient(HttpClient http, MispSettings settings, String userAgent, int maxAttempts, Retries.Sleeper sleeper) {
        this.retries = new Retries(http, maxAttempts, sleeper);
        this.settings = settings;
        this.userAgent = userAgent;
    }

    /** The {@code response.Attribute} array of a search. */
    List<Object> searchAttributes(Map<String, Object> query) {
        URI uri = uri(settings.baseUrl() + "/attributes/restSearch");
        HttpResponse<String> response;
        try {
            response = retries.send(HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(300))
                            .header("Authorization", settings.apiKey())
                            .header("Accept", "application/json")
                            .header("Content-Type", "application/json")
                            .header("User-Agent", userAgent)
                            .POST(HttpRequest.BodyPublishers.ofString(Json.write(query), StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8), "MISP");
        } catch (Retries.Unavailable e) {
            throw new MispException(MispException.Kind.UNAVAILABLE, e.getMessage());
        }
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
        throw new MispException(MispException.Kind.REFUSED, "MISP refused the search (HTTP " + status
                + message(response.body()) + ")");
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
