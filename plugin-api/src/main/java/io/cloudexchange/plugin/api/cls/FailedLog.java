package io.cloudexchange.plugin.api.cls;

import java.util.Objects;

/**
 * One record of a batch the destination did not accept.
 *
 * @param id the {@link MappedLog#id()} of the record
 * @param reason what the destination said
 * @param retryable true for a transient refusal (429, 5xx, timeout: the core retries it with backoff),
 *     false for a permanent one (400, 413, 422...: the core dead-letters it with {@code reason})
 */
public record FailedLog(String id, String reason, boolean retryable) {

    public FailedLog {
        Objects.requireNonNull(id, "id");
        reason = reason == null || reason.isBlank() ? "refused by the destination" : reason;
    }
}
