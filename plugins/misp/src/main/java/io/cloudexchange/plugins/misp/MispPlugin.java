package io.cloudexchange.plugins.misp;

import io.cloudexchange.plugin.api.Capability;
import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PluginDescriptor;
import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.config.ValidationResult;
import io.cloudexchange.plugin.api.cte.Indicator;
import io.cloudexchange.plugin.api.cte.ThreatIntelPlugin;
import io.cloudexchange.plugin.api.http.Retries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A MISP source: {@code POST /attributes/restSearch} over a time window. A round fixes the window
 * [{@code since}, {@code until}] (epoch seconds of the attribute {@code timestamp}, or of the event's
 * {@code publish_timestamp} when only published events count) and pages through it
 * ({@code page}, {@code limit}); the next round starts at {@code until + 1}. A fixed window keeps the
 * pages of one round stable: an attribute changed meanwhile gets a newer timestamp and falls in a
 * later window.
 */
public final class MispPlugin implements ThreatIntelPlugin {

    static final String SINCE = "since";
    static final String UNTIL = "until";
    static final String PAGE = "page";
    static final String PULL_FAILED = "MISP-1001";

    private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor(
            "misp",
            "MISP",
            "1.0.0",
            "Pulls URL, domain, IP and hash attributes from MISP with restSearch (to_ids, tags, published events).",
            Set.of(PlatformModule.CTE),
            "0.1.0",
            Set.of(Capability.PULL));

    private final int maxAttempts;
    private final Retries.Sleeper sleeper;

    public MispPlugin() {
        this(4, Retries.Sleeper.REAL);
    }

    MispPlugin(int maxAttempts, Retries.Sleeper sleeper) {
        this.maxAttempts = maxAttempts;
        this.sleeper = sleeper;
    }

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ConfigSchema configSchema() {
        return MispSettings.SCHEMA;
    }

    @Override
    public ValidationResult validate(PluginContext context) {
        MispSettings settings = MispSettings.from(context.config());
        try {
            long now = context.clock().instant().getEpochSecond();
            client(context, settings).searchAttributes(query(settings, now - 60, now, 1, 1));
            return ValidationResult.ok();
        } catch (MispException e) {
            return ValidationResult.fieldError(e.kind() == MispException.Kind.AUTHENTICATION ? MispSettings.API_KEY
                    : MispSettings.BASE_URL, e.getMessage());
        }
    }

    @Override
    public PullPage<Indicator> pullIndicators(PluginContext context, Checkpoint checkpoint) {
        MispSettings settings = MispSettings.from(context.config());
        long now = context.clock().instant().getEpochSecond();
        long since = number(checkpoint, SINCE, now - settings.initialRange().toSeconds());
        boolean inRound = checkpoint.get(UNTIL).isPresent();
        long until = inRound ? number(checkpoint, UNTIL, now) : now;
        int page = inRound ? (int) number(checkpoint, PAGE, 1) : 1;
        List<Object> attributes;
        try {
            attributes = client(context, settings).searchAttributes(query(settings, since, until, page,
                    settings.pageSize()));
        } catch (MispException e) {
            context.logger().error("Searching " + settings.baseUrl() + " failed: " + e.getMessage(), PULL_FAILED);
            throw e;
        }
        MispAttributes found = new MispAttributes(settings.baseUrl());
        attributes.forEach(found::add);
        Map<String, String> next = new LinkedHashMap<>();
        boolean more = attributes.size() >= settings.pageSize();
        if (more) {
            next.put(SINCE, Long.toString(since));
            next.put(UNTIL, Long.toString(until));
            next.put(PAGE, Integer.toString(page + 1));
        } else {
            next.put(SINCE, Long.toString(Math.max(since, until + 1)));
        }
        return new PullPage<>(found.indicators, found.rejected, new Checkpoint(next), more);
    }

    /** The restSearch body for one page of the window. */
    static Map<String, Object> query(MispSettings settings, long since, long until, int page, int limit) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("returnFormat", "json");
        query.put("page", page);
        query.put("limit", limit);
        query.put(settings.publishedOnly() ? "publish_timestamp" : "timestamp",
                List.of(Long.toString(since), Long.toString(until)));
        query.put("type", MispAttributes.TYPES);
        if (settings.toIdsOnly()) {
            query.put("to_ids", 1);
        }
        if (settings.publishedOnly()) {
            query.put("published", 1);
        }
        List<String> tags = new ArrayList<>(settings.tags());
        settings.excludedTags().forEach(tag -> tags.add("!" + tag));
        if (!tags.isEmpty()) {
            query.put("tags", tags);
        }
        query.put("includeEventTags", settings.eventTags());
        query.put("deleted", 0);
        return query;
    }

    private static long number(Checkpoint checkpoint, String key, long fallback) {
        return checkpoint.get(key).filter(v -> v.matches("\\d{1,12}")).map(Long::parseLong).orElse(fallback);
    }

    private MispClient client(PluginContext context, MispSettings settings) {
        return new MispClient(context.httpClient(), settings, context.userAgent(), maxAttempts, sleeper);
    }
}
