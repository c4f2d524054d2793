package io.cloudexchange.plugin.api.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * One HTTP exchange with a vendor API, and the rules HTTP destinations share: 408, 429 and 5xx are
 * transient, Retry-After is read as seconds or as an HTTP date, I/O errors are described for admins.
 */
public final class Http {

    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private Http() {
    }

    /** A response: status, body text and the wait the server asked for (Retry-After), or null. */
    public record Reply(int status, String body, Duration retryAfter) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** 408, 429 and 5xx are transient; every other refusal is for good. */
        public boolean transientFailure() {
            return status == 408 || status == 429 || status >= 500;
        }

        /** The start of the body, for messages. */
        public String excerpt() {
            String text = body == null ? "" : body.strip();
            return text.length() > 300 ? text.substring(0, 300) + "..." : text;
        }
    }

    /** Sends the request; an IOException means nothing is known about delivery (retry). */
    public static Reply send(HttpClient client, HttpRequest request, Clock clock) throws IOException {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), retryAfter(response.headers(), clock));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Retry-After as seconds or as an HTTP date (RFC 9110 section 10.2.3); null when absent or unreadable. */
    public static Duration retryAfter(HttpHeaders headers, Clock clock) {
        String value = headers.firstValue("Retry-After").map(String::trim).orElse("");
        if (value.isEmpty()) {
            return null;
        }
        if (value.chars().allMatch(Character::isDigit)) {
            return Duration.ofSeconds(Long.parseLong(value.length() > 9 ? "999999999" : value));
        }
        try {
            Duration wait = Duration.between(clock.instant(),
                    ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static String describe(IOException e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        return switch (e.getClass().getSimpleName()) {
            case "ConnectException" -> "cannot connect" + message;
            case "HttpTimeoutException", "HttpConnectTimeoutException" -> "timed out" + message;
            case "SSLHandshakeException" -> "TLS handshake failed" + message;
            default -> e.getClass().getSimpleName() + message;
        };
    }
}
