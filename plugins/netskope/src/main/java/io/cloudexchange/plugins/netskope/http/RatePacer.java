package io.cloudexchange.plugins.netskope.http;

import io.cloudexchange.plugin.api.KeyValueStore;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * When the next request to a tenant may go, from the rate-limit headers of the last answers. State
 * lives in the configuration's storage, so it holds across pulls and streams of one configuration.
 * <ul>
 * <li>Requests are spaced by {@code 1 / ratelimit-limit} s plus a margin, so {@code limit + 1} of
 * them never fit in one second, whether the tenant counts in fixed or sliding windows.</li>
 * <li>{@code ratelimit-remaining} ≤ 0 means the window is used up. It ends within
 * {@code ratelimit-reset} whole seconds, which for a one-second window is a coarse "up to 1 s". When
 * this configuration's own last {@code limit} requests used it up, the window ends at most one second
 * after the oldest of them was answered (the tenant counted it before answering), so the wait ends
 * then: four requests fit in every second instead of four every 1.75 s. Should another consumer of
 * the token have used part of the window, the tenant answers 429 and {@code Retry-After} is kept.</li>
 * <li>429: wait {@code Retry-After} (60 s when absent).</li>
 * </ul>
 * The platform may pull a configuration's streams at the same time: they share the configuration's
 * storage, which is locked while a request takes its turn (moving the next turn on by the spacing of
 * the last known limit at once, before its answer comes) and while an answer is taken in; an answer
 * never moves the next turn earlier.
 */
final class RatePacer {

    static final String NOT_BEFORE_KEY = "ratelimit.not_before";
    static final String ANSWERED_KEY = "ratelimit.answered";
    static final String LIMIT_KEY = "ratelimit.limit";
    /** Keeps network jitter from squeezing two spaced requests into one rate window. */
    private static final long SPACING_MARGIN_MILLIS = 2;

    private final KeyValueStore storage;
    private final Clock clock;

    RatePacer(KeyValueStore storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /**
     * Takes the turn to send a request now, moving the next turn on by the spacing of the last known limit, or
     * tells when to ask again. A caller that waited until the time it was told goes then, unless another request
     * took a turn meanwhile (so a single stream waits once, whatever its sleeper did).
     *
     * @param waitedFor the time this caller waited until, 0 at first
     * @return 0 to send now, else the time (epoch milliseconds) to wait until
     */
    long takeTurn(long waitedFor) {
        synchronized (storage) {
            long notBefore = notBefore();
            long now = clock.millis();
            if (notBefore > now && notBefore > waitedFor) {
                return notBefore;
            }
            long limit = storage.get(LIMIT_KEY).filter(text -> text.matches("\\d{1,9}")).map(Long::parseLong).orElse(0L);
            if (limit > 0) {
                postpone(now + spacing(limit));
            }
            return 0;
        }
    }

    /** Takes in the headers of an answer to a request sent at {@code sentAt}. */
    void answered(HttpResponse<?> response, long sentAt) {
        synchronized (storage) {
            answeredLocked(response, sentAt);
        }
    }

    private void answeredLocked(HttpResponse<?> response, long sentAt) {
        long answeredAt = clock.millis();
        long limit = header(response, "ratelimit-limit").filter(l -> l > 0).orElse(0L);
        List<Long> answered = rememberAnswer(answeredAt, limit);
        if (limit > 0) {
            storage.put(LIMIT_KEY, Long.toString(limit));
        }
        long notBefore = limit > 0 ? sentAt + spacing(limit) : 0;
        if (header(response, "ratelimit-remaining").filter(r -> r <= 0).isPresent()) {
            long reset = header(response, "ratelimit-reset").orElse(1L);
            long windowEnd = answeredAt + reset * 1000;
            if (reset <= 1 && limit > 0 && answered.size() >= limit) {
                windowEnd = Math.min(windowEnd, answered.get((int) (answered.size() - limit)) + 1000
                        + SPACING_MARGIN_MILLIS);
            }
            notBefore = Math.max(notBefore, windowEnd);
        }
        if (response.statusCode() == 429) {
            notBefore = Math.max(notBefore, answeredAt + retryAfter(response).toMillis());
        }
        if (notBefore > answeredAt) {
            postpone(notBefore);
        }
    }

    private static long spacing(long limit) {
        return (1000 + limit - 1) / limit + SPACING_MARGIN_MILLIS;
    }

    private long notBefore() {
        return storage.get(NOT_BEFORE_KEY).filter(text -> text.matches("\\d{1,19}")).map(Long::parseLong).orElse(0L);
    }

    private void postpone(long notBefore) {
        synchronized (storage) {
            if (notBefore > notBefore()) {
                storage.put(NOT_BEFORE_KEY, Long.toString(notBefore));
            }
        }
    }

    static Duration retryAfter(HttpResponse<?> response) {
        return header(response, "Retry-After").map(Duration::ofSeconds).orElse(Duration.ofSeconds(60));
    }

    /** The answer times of the last {@code limit} requests, oldest first, this one included. */
    private List<Long> rememberAnswer(long answeredAt, long limit) {
        if (limit <= 0) {
            storage.remove(ANSWERED_KEY);
            return List.of();
        }
        List<Long> answered = new ArrayList<>();
        storage.get(ANSWERED_KEY).filter(text -> text.matches("\\d+(,\\d+)*"))
                .ifPresent(text -> Arrays.stream(text.split(",")).map(Long::parseLong).forEach(answered::add));
        answered.add(answeredAt);
        List<Long> kept = answered.subList((int) Math.max(0, answered.size() - limit), answered.size());
        storage.put(ANSWERED_KEY, kept.stream().map(String::valueOf).collect(Collectors.joining(",")));
        return kept;
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
}
