package io.cloudexchange.plugin.api.cte;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An indicator of compromise as a source reports it. The core normalises and de-duplicates values.
 *
 * @param value the indicator value (URL, hash, address or name)
 * @param type its kind
 * @param severity severity, {@link Severity#UNKNOWN} when the source does not say
 * @param reputation 1 (bad) to 10 (good); 5 when the source does not say
 * @param tags tag names
 * @param firstSeen when the source first saw it, or null
 * @param lastSeen when the source last saw it, or null
 * @param expiresAt when the source says it stops being valid, or null
 * @param comments free text from the source
 * @param extendedInformation a link to more details at the source, or null
 */
public record Indicator(String value, IndicatorType type, Severity severity, int reputation, List<String> tags,
                        Instant firstSeen, Instant lastSeen, Instant expiresAt, String comments,
                        String extendedInformation) {

    public Indicator {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(type, "type");
        severity = severity == null ? Severity.UNKNOWN : severity;
        if (reputation < 1 || reputation > 10) {
            throw new IllegalArgumentException("reputation must be between 1 and 10, was " + reputation);
        }
        tags = tags == null ? List.of() : List.copyOf(tags);
        comments = comments == null ? "" : comments;
    }

    public static Indicator of(IndicatorType type, String value) {
        return new Indicator(value, type, Severity.UNKNOWN, 5, List.of(), null, null, null, "", null);
    }

    public Indicator withSeverity(Severity newSeverity) {
        return new Indicator(value, type, newSeverity, reputation, tags, firstSeen, lastSeen, expiresAt, comments, extendedInformation);
    }

    public Indicator withReputation(int newReputation) {
        return new Indicator(value, type, severity, newReputation, tags, firstSeen, lastSeen, expiresAt, comments, extendedInformation);
    }

    public Indicator withTags(List<String> newTags) {
        return new Indicator(value, type, severity, reputation, newTags, firstSeen, lastSeen, expiresAt, comments, extendedInformation);
    }

    public Indicator withSeen(Instant first, Instant last) {
        return new Indicator(value, type, severity, reputation, tags, first, last, expiresAt, comments, extendedInformation);
    }

    public Indicator withExpiresAt(Instant expiry) {
        return new Indicator(value, type, severity, reputation, tags, firstSeen, lastSeen, expiry, comments, extendedInformation);
    }

    public Indicator withComments(String text) {
        return new Indicator(value, type, severity, reputation, tags, firstSeen, lastSeen, expiresAt, text, extendedInformation);
    }
}
