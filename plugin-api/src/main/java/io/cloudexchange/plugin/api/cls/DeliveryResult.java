package io.cloudexchange.plugin.api.cls;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of delivering one batch to a Log Shipper destination. The core acknowledges the batch
 * only for records the destination accepted; nothing is dropped silently.
 *
 * @param status what happened to the batch as a whole
 * @param message a human-readable summary (shown in logs and the dead-letter store)
 * @param failed for {@link Status#PARTIAL}: the records not accepted; every other record was delivered
 * @param retryAfter for {@link Status#RETRY}: how long the destination asked to wait (e.g. Retry-After), or null
 */
public record DeliveryResult(Status status, String message, List<FailedLog> failed, Duration retryAfter) {

    public enum Status {
        /** Every record was accepted. */
        DELIVERED,
        /** Some records were accepted; {@code failed} lists the others. */
        PARTIAL,
        /** Nothing is known to be delivered and the failure is transient: retry the whole batch later. */
        RETRY,
        /** The destination refused the whole batch for good (bad request, too large, auth...): dead-letter it. */
        REJECTED
    }

    public DeliveryResult {
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
        failed = failed == null ? List.of() : List.copyOf(failed);
        if (status != Status.PARTIAL && !failed.isEmpty()) {
            throw new IllegalArgumentException("only a PARTIAL result lists failed records");
        }
    }

    public static DeliveryResult delivered(String message) {
        return new DeliveryResult(Status.DELIVERED, message, List.of(), null);
    }

    public static DeliveryResult partial(String message, List<FailedLog> failed) {
        return failed.isEmpty() ? delivered(message) : new DeliveryResult(Status.PARTIAL, message, failed, null);
    }

    public static DeliveryResult retry(String reason) {
        return new DeliveryResult(Status.RETRY, reason, List.of(), null);
    }

    public static DeliveryResult retryAfter(String reason, Duration wait) {
        return new DeliveryResult(Status.RETRY, reason, List.of(), wait);
    }

    public static DeliveryResult rejected(String reason) {
        return new DeliveryResult(Status.REJECTED, reason, List.of(), null);
    }

    public boolean fullyDelivered() {
        return status == Status.DELIVERED;
    }
}
