package io.cloudexchange.plugin.api;

/**
 * A record a plugin could not turn into a valid item. It is reported to the platform log and the
 * rest of its batch is kept.
 *
 * @param value the raw value or identifier, shortened if long
 * @param reason why it was rejected
 */
public record RejectedItem(String value, String reason) {

    public RejectedItem {
        value = value == null ? "" : (value.length() > 512 ? value.substring(0, 512) + "..." : value);
        reason = reason == null ? "rejected" : reason;
    }
}
