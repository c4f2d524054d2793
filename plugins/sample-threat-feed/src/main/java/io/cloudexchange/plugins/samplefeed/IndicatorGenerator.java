package io.cloudexchange.plugins.samplefeed;

import io.cloudexchange.plugin.api.cte.Indicator;
import io.cloudexchange.plugin.api.cte.IndicatorType;
import io.cloudexchange.plugin.api.cte.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * Derives the indicator at a sequence position from the seed alone, so the same settings always
 * produce the same values. Every value embeds its position, so no two positions collide.
 */
final class IndicatorGenerator {

    private static final String[] WORDS = {"login", "update", "cdn", "mail", "files", "pay", "secure", "portal"};
    private static final Severity[] MIXED_SEVERITIES = {Severity.LOW, Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL};
    private static final Duration VALIDITY = Duration.ofDays(30);

    private final SampleFeedSettings settings;
    private final Instant now;

    IndicatorGenerator(SampleFeedSettings settings, Instant now) {
        this.settings = settings;
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
    }

    Indicator indicatorAt(long position) {
        long hash = mix(settings.seed() * 0x9E3779B97F4A7C15L + position);
        IndicatorType type = settings.types().get((int) (position % settings.types().size()));
        Severity severity = settings.severity().orElse(MIXED_SEVERITIES[(int) Math.floorMod(hash, (long) MIXED_SEVERITIES.length)]);
        Instant firstSeen = now.minus(Duration.ofHours(Math.floorMod(hash >>> 8, 24L * 30)));
        return new Indicator(value(type, position, hash), type, severity, 1 + (int) Math.floorMod(hash >>> 16, 4L),
                settings.tag().map(List::of).orElse(List.of()), firstSeen, now, now.plus(VALIDITY),
                "Demo indicator #" + position + " of sample seed " + settings.seed(), null);
    }

    private String value(IndicatorType type, long position, long hash) {
        String word = WORDS[(int) Math.floorMod(hash >>> 24, (long) WORDS.length)];
        String text = settings.seed() + ":" + position;
        return switch (type) {
            case URL -> "https://" + word + "-" + Long.toHexString(hash >>> 40) + ".example/ioc/" + position;
            case SHA256 -> digest("SHA-256", text);
            case MD5 -> digest("MD5", text);
            case IPV4 -> ipv4(Math.floorMod(mix(settings.seed()) + position, 1L << 24));
            case IPV6 -> "2001:db8:%x:%x:0:0:%x:%x".formatted(
                    (settings.seed() >>> 16) & 0xFFFF, settings.seed() & 0xFFFF, (position >>> 16) & 0xFFFF, position & 0xFFFF);
            case DOMAIN -> word + "-" + position + ".example";
            case HOSTNAME -> word + "-" + position;
            case FQDN -> word + "-" + position + ".sample-feed.example";
        };
    }

    private static String ipv4(long offset) {
        return "10." + ((offset >>> 16) & 0xFF) + "." + ((offset >>> 8) & 0xFF) + "." + (offset & 0xFF);
    }

    private static String digest(String algorithm, String text) {
        try {
            byte[] hash = MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every Java runtime", e);
        }
    }

    /** SplitMix64 finaliser: spreads consecutive inputs over all 64 bits. */
    private static long mix(long input) {
        long z = input + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
