package io.cloudexchange.bench.cte;

import io.cloudexchange.plugin.api.cte.Indicator;
import io.cloudexchange.plugin.api.cte.IndicatorType;
import io.cloudexchange.plugin.api.cte.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A deterministic feed of {@code distinct} indicators (URLs, domains, IPv4 addresses, SHA-256 and MD5 hashes in
 * turn) reported by source {@code feed-a}, and re-reports of a share of them by source {@code feed-b} in later
 * batches, written differently (upper-case host, scheme or hash) so only normalisation makes them the same
 * indicator. Every tenth indicator is tagged {@code phishing}, every seventh {@code botnet}.
 */
final class SyntheticFeed {

    static final String SOURCE_A = "feed-a";
    static final String SOURCE_B = "feed-b";
    static final String TAG = "phishing";
    private static final IndicatorType[] TYPES = {IndicatorType.URL, IndicatorType.DOMAIN, IndicatorType.IPV4,
            IndicatorType.SHA256, IndicatorType.MD5};
    private static final Instant BASE = Instant.parse("2026-11-01T00:00:00Z");

    /** One pulled page: its source and items. */
    record Batch(String source, List<Indicator> indicators) {
    }

    private final int distinct;
    private final int duplicatePeriod;
    private final int batchSize;

    /** @param duplicateShare re-reports per distinct indicator (0.2: one in five is reported again by feed-b) */
    SyntheticFeed(int distinct, double duplicateShare, int batchSize) {
        this.distinct = distinct;
        this.duplicatePeriod = duplicateShare <= 0 ? 0 : Math.max(1, (int) Math.round(1 / duplicateShare));
        this.batchSize = batchSize;
    }

    int duplicates() {
        return duplicatePeriod == 0 ? 0 : (distinct + duplicatePeriod - 1) / duplicatePeriod;
    }

    int reports() {
        return distinct + duplicates();
    }

    /** Feeds every batch in order; a re-report always follows the batch that first reported its value. */
    void forEach(Consumer<Batch> consumer) {
        List<Indicator> again = new ArrayList<>(batchSize);
        for (int start = 0; start < distinct; start += batchSize) {
            int end = Math.min(distinct, start + batchSize);
            List<Indicator> page = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) {
                page.add(indicator(i, false));
                if (duplicatePeriod > 0 && i % duplicatePeriod == 0) {
                    again.add(indicator(i, true));
                }
            }
            consumer.accept(new Batch(SOURCE_A, page));
            if (again.size() >= batchSize || (end == distinct && !again.isEmpty())) {
                consumer.accept(new Batch(SOURCE_B, List.copyOf(again)));
                again.clear();
            }
        }
    }

    static Indicator indicator(int i, boolean rewritten) {
        IndicatorType type = TYPES[i % TYPES.length];
        Instant lastSeen = BASE.minusSeconds(i % 86_400);
        List<String> tags = new ArrayList<>(2);
        if (i % 10 == 0) {
            tags.add(TAG);
        }
        if (i % 7 == 0) {
            tags.add("botnet");
        }
        Severity severity = Severity.values()[(i / TYPES.length) % Severity.values().length];
        return new Indicator(value(type, i, rewritten), type, rewritten ? Severity.CRITICAL : severity, 1 + i % 10,
                tags, lastSeen.minus(Duration.ofDays(1)), lastSeen, null, rewritten ? "seen by feed-b" : "", null);
    }

    private static String value(IndicatorType type, int i, boolean rewritten) {
        String value = switch (type) {
            case URL -> "https://host" + (i % 50_000) + ".example" + (i / 50_000) + ".test/path/" + i + "?q=Case" + i;
            case DOMAIN -> "d" + i + ".example.test";
            case IPV4 -> (11 + i % 200) + "." + ((i >> 16) & 255) + "." + ((i >> 8) & 255) + "." + (i & 255);
            case SHA256 -> String.format(Locale.ROOT, "%064x", (long) i * 2_654_435_761L);
            case MD5 -> String.format(Locale.ROOT, "%032x", (long) i * 40_503L);
            default -> throw new IllegalStateException(type.name());
        };
        if (!rewritten) {
            return value;
        }
        return switch (type) {
            case URL -> "HTTPS://HOST" + value.substring("https://host".length(), value.indexOf('/', 8)).toUpperCase(Locale.ROOT)
                    + value.substring(value.indexOf('/', 8));
            case DOMAIN, SHA256, MD5 -> value.toUpperCase(Locale.ROOT);
            default -> " " + value + " ";
        };
    }
}
