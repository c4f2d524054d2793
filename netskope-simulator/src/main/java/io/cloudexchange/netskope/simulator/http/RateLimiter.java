package io.cloudexchange.netskope.simulator.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Requests per second per token, counted in windows aligned to whole seconds. */
final class RateLimiter {

    /** The outcome of one request: whether it may pass and what the headers say. */
    record Decision(boolean allowed, int limit, int remaining, int resetSeconds) {
    }

    private final int limit;
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();

    RateLimiter(int limit) {
        this.limit = limit;
    }

    boolean enabled() {
        return limit > 0;
    }

    Decision acquire(String token, long nowMillis) {
        long second = nowMillis / 1000;
        long[] window = windows.computeIfAbsent(token == null ? "" : token, t -> new long[] {second, 0});
        synchronized (window) {
            if (window[0] != second) {
                window[0] = second;
                window[1] = 0;
            }
            boolean allowed = window[1] < limit;
            if (allowed) {
                window[1]++;
            }
            return new Decision(allowed, limit, (int) (limit - window[1]), 1);
        }
    }
}
