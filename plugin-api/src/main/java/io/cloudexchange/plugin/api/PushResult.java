package io.cloudexchange.plugin.api;

import java.util.List;

/**
 * The outcome of pushing a batch to a target.
 *
 * @param success true when the target accepted the batch (possibly with some rejected items)
 * @param message human-readable summary
 * @param rejected items the target refused for good (they are not retried)
 * @param retryable when not successful: true for transient failures (network, 429, 5xx) the core retries
 *     with backoff, false for permanent ones (dead-lettered with the message)
 * @param cleanupRequired true when the core should later run the plugin's cleanup (e.g. a deploy)
 */
public record PushResult(boolean success, String message, List<RejectedItem> rejected, boolean retryable,
                         boolean cleanupRequired) {

    public PushResult {
        message = message == null ? "" : message;
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
    }

    public static PushResult ok(String message) {
        return new PushResult(true, message, List.of(), false, false);
    }

    public static PushResult partial(String message, List<RejectedItem> rejected) {
        return new PushResult(true, message, rejected, false, false);
    }

    public static PushResult transientFailure(String message) {
        return new PushResult(false, message, List.of(), true, false);
    }

    public static PushResult permanentFailure(String message) {
        return new PushResult(false, message, List.of(), false, false);
    }
}
