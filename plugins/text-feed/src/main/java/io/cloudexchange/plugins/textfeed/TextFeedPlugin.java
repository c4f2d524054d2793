package io.cloudexchange.plugins.textfeed;

import io.cloudexchange.plugin.api.Capability;
import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PluginDescriptor;
import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.RejectedItem;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.config.ValidationResult;
import io.cloudexchange.plugin.api.cte.Indicator;
import io.cloudexchange.plugin.api.cte.IndicatorType;
import io.cloudexchange.plugin.api.cte.ThreatIntelPlugin;
import io.cloudexchange.plugin.api.http.Retries;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A plain-text or CSV feed over HTTP(S). The checkpoint holds the feed's {@code ETag},
 * {@code Last-Modified} and content digest, so an unchanged feed is neither downloaded (304) nor
 * re-published; a feed larger than one batch is published in batches ({@code offset}), each from a
 * fresh download whose digest must match, else the feed is read again from the start. Values that
 * disappear from the feed are reported by {@link #retractedIndicators}.
 */
public final class TextFeedPlugin implements ThreatIntelPlugin {

    static final String ETAG = "etag";
    static final String LAST_MODIFIED = "last_modified";
    static final String DIGEST = "digest";
    static final String OFFSET = "offset";
    static final String CHECKED_AT = "checked_at";
    static final String PULL_FAILED = "TEXTFEED-1001";

    private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor(
            "text-feed",
            "Text or CSV feed",
            "1.0.0",
            "Pulls indicators from a plain-text (one value per line) or CSV feed over HTTP(S); values that leave"
                    + " the feed are retracted.",
            Set.of(PlatformModule.CTE),
            "0.1.0",
            Set.of(Capability.PULL, Capability.RETRACTION));

    private final int maxAttempts;
    private final Retries.Sleeper sleeper;

    public TextFeedPlugin() {
        this(4, Retries.Sleeper.REAL);
    }

    TextFeedPlugin(int maxAttempts, Retries.Sleeper sleeper) {
        this.maxAttempts = maxAttempts;
        this.sleeper = sleeper;
    }

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ConfigSchema configSchema() {
        return FeedSettings.SCHEMA;
    }

    @Override
    public ValidationResult validate(PluginContext context) {
        FeedSettings settings = FeedSettings.from(context.config());
        if (settings.csv() && settings.csvColumn().matches("\\d+") && Integer.parseInt(settings.csvColumn()) < 1) {
            return ValidationResult.fieldError(FeedSettings.CSV_COLUMN, "Columns are numbered from 1");
        }
        if (!settings.headerName().isEmpty() && !settings.headerName().matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
            return ValidationResult.fieldError(FeedSettings.HEADER_NAME, "Not a valid HTTP header name");
        }
        FeedParser.Parsed parsed;
        try {
            FeedClient.FeedResponse response = client(context).fetch(settings, null, null);
            parsed = new FeedParser(settings).parse(response.body());
        } catch (FeedException e) {
            return ValidationResult.fieldError(field(e, settings), e.getMessage());
        } catch (FeedParser.MissingColumnException e) {
            return ValidationResult.fieldError(FeedSettings.CSV_COLUMN, e.getMessage());
        }
        if (!parsed.values().isEmpty() && settings.fixedType().isEmpty()
                && parsed.values().stream().noneMatch(v -> IndicatorTypes.detect(v).isPresent())) {
            return ValidationResult.fieldError(settings.csv() ? FeedSettings.CSV_COLUMN : FeedSettings.FORMAT,
                    "None of the " + parsed.values().size() + " values is an indicator (the first is '"
                            + shorten(parsed.values().get(0)) + "')");
        }
        return ValidationResult.ok();
    }

    private static String field(FeedException e, FeedSettings settings) {
        if (e.kind() != FeedException.Kind.AUTHENTICATION) {
            return FeedSettings.URL;
        }
        return !settings.username().isEmpty() ? FeedSettings.PASSWORD
                : !settings.headerName().isEmpty() ? FeedSettings.HEADER_VALUE : FeedSettings.USERNAME;
    }

    @Override
    public PullPage<Indicator> pullIndicators(PluginContext context, Checkpoint checkpoint) {
        FeedSettings settings = FeedSettings.from(context.config());
        boolean continuing = checkpoint.get(OFFSET).isPresent();
        Map<String, String> next = new HashMap<>(checkpoint.values());
        next.put(CHECKED_AT, context.clock().instant().toString());
        FeedClient.FeedResponse response;
        try {
            response = continuing ? client(context).fetch(settings, null, null)
                    : client(context).fetch(settings, checkpoint.get(ETAG).orElse(null),
                    checkpoint.get(LAST_MODIFIED).orElse(null));
        } catch (FeedException e) {
            context.logger().error("Reading feed " + settings.url() + " failed: " + e.getMessage(), PULL_FAILED);
            throw e;
        }
        if (response.notModified()) {
            return PullPage.last(List.of(), new Checkpoint(next));
        }
        putOrRemove(next, ETAG, response.etag());
        putOrRemove(next, LAST_MODIFIED, response.lastModified());
        String digest = digest(response.body());
        boolean sameContent = checkpoint.get(DIGEST).filter(digest::equals).isPresent();
        if (!continuing && sameContent) {
            return PullPage.last(List.of(), new Checkpoint(next));
        }
        int offset = continuing && sameContent ? parseOffset(checkpoint.get(OFFSET).orElse("0")) : 0;
        FeedParser.Parsed parsed = new FeedParser(settings).parse(response.body());
        List<String> values = List.copyOf(new LinkedHashSet<>(parsed.values()));
        int end = Math.min(values.size(), offset + settings.pageSize());
        List<Indicator> indicators = new ArrayList<>();
        List<RejectedItem> rejected = new ArrayList<>(offset == 0 ? parsed.rejected() : List.of());
        Instant now = context.clock().instant();
        for (String value : values.subList(Math.min(offset, end), end)) {
            Optional<IndicatorType> type = settings.fixedType().or(() -> IndicatorTypes.detect(value));
            if (type.isEmpty()) {
                rejected.add(new RejectedItem(value, IndicatorTypes.whyNot(value)));
                continue;
            }
            indicators.add(new Indicator(normalise(type.get(), value), type.get(), settings.severity(),
                    settings.reputation(), settings.tags(), null, now, null, "", null));
        }
        next.put(DIGEST, digest);
        if (end < values.size()) {
            next.put(OFFSET, Integer.toString(end));
            return new PullPage<>(indicators, rejected, new Checkpoint(next), true);
        }
        next.remove(OFFSET);
        return new PullPage<>(indicators, rejected, new Checkpoint(next), false);
    }

    @Override
    public List<Indicator> retractedIndicators(PluginContext context, List<Indicator> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        FeedSettings settings = FeedSettings.from(context.config());
        Set<String> present = new java.util.HashSet<>();
        try {
            for (String value : new FeedParser(settings).parse(client(context).fetch(settings, null, null).body()).values()) {
                present.add(key(value));
            }
        } catch (FeedException | IllegalArgumentException e) {
            context.logger().warn("Retraction check of " + settings.url() + " skipped: " + e.getMessage());
            return List.of();
        }
        if (present.isEmpty()) {
            context.logger().warn("Retraction check of " + settings.url() + " skipped: the feed is empty, which"
                    + " looks like a broken feed rather than every value withdrawn");
            return List.of();
        }
        return candidates.stream().filter(indicator -> !present.contains(key(indicator.value()))).toList();
    }

    private FeedClient client(PluginContext context) {
        return new FeedClient(context.httpClient(), context.userAgent(), maxAttempts, sleeper);
    }

    private static String normalise(IndicatorType type, String value) {
        return switch (type) {
            case MD5, SHA256, DOMAIN, HOSTNAME, FQDN, IPV6 -> value.toLowerCase(Locale.ROOT);
            default -> value;
        };
    }

    /** Compares values as the core does for everything but URL paths: without case. */
    private static String key(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    private static void putOrRemove(Map<String, String> map, String key, String value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }

    private static int parseOffset(String text) {
        return text.matches("\\d{1,9}") ? Integer.parseInt(text) : 0;
    }

    private static String digest(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String shorten(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "..." : value;
    }
}
