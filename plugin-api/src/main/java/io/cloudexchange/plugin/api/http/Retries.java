package io.cloudexchange.plugin.api.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/**
 * Sends a request to a vendor API until the answer is not transient. 429, 5xx and network errors are
 * retried with capped exponential backoff (1 s, 2 s, 4 s ... up to 30 s); a {@code Retry-After} of up to
 * a minute replaces a shorter backoff. A longer {@code Retry-After}, or the last attempt failing, ends in
 * {@link Unavailable}, so the caller's next scheduled run tries again rather than blocking a worker.
 */
public final class Retries {

    /** How long to wait; tests replace it so that they do not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    /** The vendor could not be reached in time; the message says why and is meant for admins. */
    public static final class Unavailable extends Exception {
        public Unavailable(String message) {
            super(message);
        }
    }

    static final Duration LONGEST_BACKOFF = Duration.ofSeconds(30);
    static final long LONGEST_RETRY_AFTER_SECONDS = 60;

    private final HttpClient client;
    private final int maxAttempts;
    private final Sleeper sleeper;

    public Retries(HttpClient client, int maxAttempts, Sleeper sleeper) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.client = client;
        this.maxAttempts = maxAttempts;
        this.sleeper = sleeper;
    }

    /**
     * The first answer that is not 429 or 5xx, whatever its status: the caller decides what 2xx, 3xx and
     * the other 4xx mean for its vendor.
     *
     * @param service how admins call the vendor in messages, e.g. "MISP" or "The feed"
     */
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body, String service)
            throws Unavailable {
        URI uri = request.uri();
        for (int attempt = 1; ; attempt++) {
            Duration wait = backoff(attempt);
            String problem;
            try {
                HttpResponse<T> response = client.send(request, body);
                int status = response.statusCode();
                if (status != 429 && status < 500) {
                    return response;
                }
                discard(response);
                problem = "HTTP " + status;
                long retryAfter = retryAfterSeconds(response);
                if (retryAfter > LONGEST_RETRY_AFTER_SECONDS) {
                    throw new Unavailable(service + " asks to wait " + retryAfter + " s (HTTP " + status
                            + "); the next run tries again");
                }
                wait = retryAfter > wait.toSeconds() ? Duration.ofSeconds(retryAfter) : wait;
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Unavailable("interrupted");
            }
            if (attempt >= maxAttempts) {
                throw new Unavailable("Cannot reach " + uri.getHost() + uri.getPath() + " after " + attempt
                        + " attempts: " + problem);
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Unavailable("interrupted");
            }
        }
    }

    static Duration backoff(int attempt) {
        return attempt > 5 ? LONGEST_BACKOFF
                : Duration.ofSeconds(Math.min(LONGEST_BACKOFF.toSeconds(), 1L << (attempt - 1)));
    }

    private static long retryAfterSeconds(HttpResponse<?> response) {
        Duration retryAfter = Http.retryAfter(response.headers(), Clock.systemUTC());
        return retryAfter == null ? 0 : retryAfter.toSeconds();
    }

    private static void discard(HttpResponse<?> response) {
        if (response.body() instanceof InputStream stream) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // the connection is dropped either way
            }
        }
    }
}
