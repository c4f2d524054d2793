package io.cloudexchange.core.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Capped exponential delays before a batch that failed transiently is handled again: 1s, 5s, 25s,
 * 125s, then 300s for every further attempt. Each step is a delay queue, so a batch waiting there never
 * blocks the module's work queue.
 */
final class RetryBackoff {

    static final List<Duration> STEPS = steps(Duration.ofSeconds(1), 5, Duration.ofMinutes(5));

    private RetryBackoff() {
    }

    /** @param attempt 1 for the first retry */
    static Duration delayBefore(int attempt) {
        return STEPS.get(Math.min(Math.max(attempt, 1), STEPS.size()) - 1);
    }

    private static List<Duration> steps(Duration initial, int multiplier, Duration max) {
        List<Duration> steps = new ArrayList<>();
        for (Duration step = initial; step.compareTo(max) < 0; step = step.multipliedBy(multiplier)) {
            steps.add(step);
        }
        steps.add(max);
        return List.copyOf(steps);
    }
}
