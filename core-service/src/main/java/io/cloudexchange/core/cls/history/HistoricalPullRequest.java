package io.cloudexchange.core.cls.history;

/**
 * Starts a historical pull. {@code from} and {@code to} are ISO-8601 date-times: an instant
 * ({@code 2026-11-01T00:00:00Z}), one with an offset, or a local date-time taken as UTC
 * ({@code 2026-11-01T00:00}, as a browser's date-time field sends it). Both are inclusive, in whole seconds.
 */
public record HistoricalPullRequest(String mappingId, String from, String to) {
}
