package io.cloudexchange.plugins.textfeed;

import io.cloudexchange.plugin.api.http.Retries;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

/**
 * Downloads a feed with a conditional GET ({@code If-None-Match} / {@code If-Modified-Since}), retrying
 * transient failures as {@link Retries} does; after the last attempt they fail as
 * {@link FeedException.Kind#UNAVAILABLE}.
 */
final class FeedClient {

    /** A feed larger than this is refused rather than exhausting the heap. */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    /** An answer: 200 with a body, or 304 without. */
    record FeedResponse(int status, String body, String etag, String lastModified) {
        boolean notModified() {
            return status == 304;
        }
    }

    private final Retries retries;
    private final String userAgent;

    FeedClient(HttpClient http, String userAgent, int maxAttempts, Retries.Sleeper sleeper) {
        this.retries = new Retries(http, maxAttempts, sleeper);
        this.userAgent = userAgent;
    }

    FeedResponse fetch(FeedSettings settings, String etag, String lastModified) {
        URI uri = uri(settings.url());
        HttpResponse<InputStream> response;
        try {
            response = retries.send(request(uri, settings, etag, lastModified),
                    HttpResponse.BodyHandlers.ofInputStream(), "The feed");
        } catch (Retries.Unavailable e) {
            throw new FeedException(FeedException.Kind.UNAVAILABLE, e.getMessage());
        }
        int status = response.statusCode();
        try (InputStream body = response.body()) {
            if (status == 200) {
                return new FeedResponse(200, read(response, body), response.headers().firstValue("ETag")
                        .orElse(null), response.headers().firstValue("Last-Modified").orElse(null));
            }
            if (status == 304) {
                return new FeedResponse(304, "", etag, lastModified);
            }
        } catch (IOException e) {
            throw new FeedException(FeedException.Kind.UNAVAILABLE, "The feed broke off while downloading ("
                    + e.getClass().getSimpleName() + "); the next run tries again");
        }
        if (status == 401 || status == 403) {
            throw new FeedException(FeedException.Kind.AUTHENTICATION, "The feed refused the credentials (HTTP "
                    + status + ")");
        }
        throw new FeedException(FeedException.Kind.REFUSED, "The feed answered HTTP " + status
                + (status == 404 ? " (not found): check the URL" : ""));
    }

    static URI uri(String url) {
        try {
            URI uri = new URI(url);
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new FeedException(FeedException.Kind.BAD_URL, "Enter an http:// or https:// URL");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new FeedException(FeedException.Kind.BAD_URL, "Not a URL: " + e.getReason());
        }
    }

    private HttpRequest request(URI uri, FeedSettings settings, String etag, String lastModified) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120)).GET()
                .header("User-Agent", userAgent)
                .header("Accept-Encoding", "gzip");
        if (!settings.username().isEmpty()) {
            String pair = settings.username() + ":" + settings.password();
            builder.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        if (!settings.headerName().isEmpty()) {
            builder.header(settings.headerName(), settings.headerValue());
        }
        if (etag != null) {
            builder.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            builder.header("If-Modified-Since", lastModified);
        }
        return builder.build();
    }

    private static String read(HttpResponse<InputStream> response, InputStream raw) throws IOException {
        boolean gzip = response.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isPresent();
        try (InputStream body = gzip ? new GZIPInputStream(raw, 65536) : raw) {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BYTES + 1));
            if (bytes.length > MAX_BYTES) {
                throw new FeedException(FeedException.Kind.REFUSED, "The feed is larger than 256 MB");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
