package io.cloudexchange.plugin.api.cls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collects what happened to each part of a batch sent in several requests, and turns it into one
 * {@link DeliveryResult}: DELIVERED, RETRY or REJECTED when every record shares a fate, else PARTIAL.
 */
public final class BatchOutcome {

    private int delivered;
    private final List<FailedLog> failed = new ArrayList<>();
    private boolean anyRetryable;
    private boolean anyPermanent;
    private String firstReason;
    private Duration retryAfter;

    public void delivered(int count) {
        delivered += count;
    }

    public void failed(Collection<MappedLog> logs, String reason, boolean retryable, Duration wait) {
        for (MappedLog log : logs) {
            failed(log.id(), reason, retryable);
        }
        if (wait != null && (retryAfter == null || wait.compareTo(retryAfter) > 0)) {
            retryAfter = wait;
        }
    }

    public void failed(String id, String reason, boolean retryable) {
        failed.add(new FailedLog(id, reason, retryable));
        anyRetryable |= retryable;
        anyPermanent |= !retryable;
        if (firstReason == null) {
            firstReason = reason;
        }
    }

    public DeliveryResult result(String destination) {
        if (failed.isEmpty()) {
            return DeliveryResult.delivered(delivered + " records delivered to " + destination);
        }
        if (delivered == 0 && !anyPermanent) {
            return DeliveryResult.retryAfter(firstReason, retryAfter);
        }
        if (delivered == 0 && !anyRetryable) {
            return DeliveryResult.rejected(firstReason);
        }
        return DeliveryResult.partial(delivered + " records delivered to " + destination + ", " + failed.size()
                + " not (first: " + firstReason + ")", failed);
    }
}
