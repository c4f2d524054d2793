package io.cloudexchange.plugins.taxii;

import io.cloudexchange.plugin.api.http.Retries;
import io.cloudexchange.plugin.api.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The TAXII 2.1 read calls: discovery, API root, collections and objects. Sends
 * {@code Accept: application/taxii+json;version=2.1}; 429 (honouring {@code Retry-After}), 5xx and
 * network errors are retried with capped exponential backoff.
 */
final class TaxiiClient {

    static final String MEDIA_TYPE = "application/taxii+json;version=2.1";

    /** One page of objects: the envelope plus the {@code X-TAXII-Date-Added-Last} header. */
    record ObjectsPage(List<Object> objects, boolean more, String next, String dateAddedLast) {
    }

    private final Retries retries;
    private final TaxiiSettings settings;
    private final String userAgent;

    TaxiiClient(HttpClient http, TaxiiSettings settings, String userAgent, int maxAttempts, Retries.Sleeper sleeper) {
        this.retries = new Retries(http, maxAttempts, sleeper);
        this.settings = settings;
        this.userAgent = userAgent;
    }

    /** The API root URL: the configured one, else the discovery's default, else its first. */
    URI apiRoot() {
        URI discovery = uri(settings.discoveryUrl());
        if (!settings.apiRoot().isEmpty()) {
            return slash(discovery.resolve(settings.apiRoot()));
        }
        Map<String, Object> body = Json.object(get(discovery).body());
        String root = Json.text(body.get("default"));
        if (root == null) {
            List<Object> roots = Json.array(body.get("api_roots"));
            if (roots.isEmpty()) {
                throw new TaxiiException(TaxiiException.Kind.NOT_FOUND, "The discovery lists no API root");
            }
            root = String.valueOf(roots.get(0));
        }
        return slash(discovery.resolve(root));
    }

    /** Checks that the API root answers and speaks TAXII 2.1. */
    void checkApiRoot(URI apiRoot) {
        List<Object> versions = Json.array(Json.object(get(apiRoot).body()).get("versions"));
        if (!versions.isEmpty() && versions.stream().noneMatch(v -> String.valueOf(v).startsWith(MEDIA_TYPE))) {
            throw new TaxiiException(TaxiiException.Kind.REFUSED, "The API root supports " + versions
                    + ", not TAXII 2.1");
        }
    }

    List<Map<String, Object>> collections(URI apiRoot) {
        List<Map<String, Object>> collections = new ArrayList<>();
        for (Object item : Json.array(Json.object(get(apiRoot.resolve("collections/")).body()).get("collections"))) {
            collections.add(Json.object(item));
        }
        return collections;
    }

    ObjectsPage objects(URI apiRoot, String collectionId, String addedAfter, String next, int limit) {
        StringBuilder query = new StringBuilder("?limit=").append(limit);
        if (addedAfter != null) {
            query.append("&added_after=").append(encode(addedAfter));
        }
        if (next != null) {
            query.append("&next=").append(encode(next));
        }
        query.append("&match%5Btype%5D=indicator");
        Response response = get(apiRoot.resolve("collections/" + encode(collectionId) + "/objects/" + query));
        Map<String, Object> envelope = Json.object(response.body());
        return new ObjectsPage(Json.array(envelope.get("objects")), Boolean.TRUE.equals(envelope.get("more")),
                Json.text(envelope.get("next")), response.dateAddedLast());
    }

    private record Response(Object body, String dateAddedLast) {
    }

    private Response get(URI uri) {
        HttpResponse<String> response;
        try {
            response = retries.send(request(uri), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8),
                    "The server");
        } catch (Retries.Unavailable e) {
            throw new TaxiiException(TaxiiException.Kind.UNAVAILABLE, e.getMessage());
        }
        int status = response.statusCode();
        if (status == 200) {
            try {
                return new Response(Json.parse(response.body()),
                        response.headers().firstValue("X-TAXII-Date-Added-Last").orElse(null));
            } catch (IllegalArgumentException e) {
                throw new TaxiiException(TaxiiException.Kind.REFUSED, uri.getPath() + " did not answer TAXII"
                        + " JSON: " + e.getMessage());
            }
        }
        if (status == 401 || status == 403) {
            throw new TaxiiException(TaxiiException.Kind.AUTHENTICATION, "The server refused the credentials"
                    + " for " + uri.getPath() + " (HTTP " + status + ")");
        }
        if (status == 404) {
            throw new TaxiiException(TaxiiException.Kind.NOT_FOUND, uri.getPath() + " was not found (HTTP 404)");
        }
        if (status == 406 || status == 415) {
            throw new TaxiiException(TaxiiException.Kind.REFUSED, uri.getPath() + " does not serve TAXII 2.1"
                    + " (HTTP " + status + ")");
        }
        throw new TaxiiException(TaxiiException.Kind.REFUSED, uri.getPath() + " answered HTTP " + status
                + detail(response.body()));
    }

    private HttpRequest request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120)).GET()
                .header("Accept", MEDIA_TYPE)
                .header("User-Agent", userAgent);
        if (!settings.username().isEmpty()) {
            String pair = settings.username() + ":" + settings.password();
            builder.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        if (!settings.headerName().isEmpty()) {
            builder.header(settings.headerName(), settings.headerValue());
        }
        return builder.build();
    }

    /** The {@code title} and {@code description} of a TAXII error message, if the body is one. */
    private static String detail(String body) {
        try {
            Map<String, Object> error = Json.object(Json.parse(body));
            Object title = error.get("title");
            return title == null ? "" : " (" + title + (error.get("description") == null ? ""
                    : ": " + error.get("description")) + ")";
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    static URI uri(String url) {
        try {
            URI uri = new URI(url);
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new TaxiiException(TaxiiException.Kind.BAD_URL, "Enter an http:// or https:// URL");
            }
            return slash(uri);
        } catch (URISyntaxException e) {
            throw new TaxiiException(TaxiiException.Kind.BAD_URL, "Not a URL: " + e.getReason());
        }
    }

    private static URI slash(URI uri) {
        return uri.getPath() != null && uri.getPath().endsWith("/") ? uri : URI.create(uri + "/");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
