package io.cloudexchange.core.cls.siem;

/**
 * What the Log Shipper does with a batch a destination still refuses after {@code afterAttempts} delivery
 * attempts (counted per batch, across redeliveries). The default keeps retrying, so nothing is ever given
 * up unless an admin chose it for this SIEM mapping.
 *
 * @param afterAttempts 1 to {@value #MAX_ATTEMPTS}; null when the action is {@link Action#KEEP_RETRYING}
 */
public record RepeatedFailurePolicy(Action action, Integer afterAttempts) {

    public static final int MAX_ATTEMPTS = 1_000;
    public static final RepeatedFailurePolicy KEEP_RETRYING = new RepeatedFailurePolicy(Action.KEEP_RETRYING, null);

    public enum Action {
        /** Retry with capped backoff until the destination takes the batch (default). */
        KEEP_RETRYING,
        /** Store the records as dead letters (replayable) with the last error. */
        DEAD_LETTER,
        /** Drop the records, count them as discarded and log an error in the platform log. */
        DISCARD
    }

    public boolean givesUp() {
        return action != null && action != Action.KEEP_RETRYING && afterAttempts != null;
    }
}
