package io.cloudexchange.plugins.taxii;

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
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A TAXII 2.1 client source. Each call reads one page of one collection ({@code cursor} = its
 * position in the list); a collection is read with {@code added_after} from the checkpoint and, while
 * the server says {@code more}, with its {@code next} token and the same query, or (no {@code next})
 * with {@code added_after} set to the {@code X-TAXII-Date-Added-Last} of the page. The collection's
 * {@code added_after} moves to the last page's {@code X-TAXII-Date-Added-Last} once it is read to the end.
 * Revoked indicators are remembered in storage and reported by {@link #retractedIndicators}.
 */
public final class TaxiiPlugin implements ThreatIntelPlugin {

    static final String CURSOR = "cursor";
    static final String PULL_FAILED = "TAXII-1001";

    private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor(
            "taxii",
            "STIX/TAXII 2.1",
            "1.0.0",
            "Pulls STIX 2.1 indicators (URL, domain, IPv4/IPv6 and file hash patterns) from TAXII 2.1 collections;"
                    + " revoked indicators are retracted.",
            Set.of(PlatformModule.CTE),
            "0.1.0",
            Set.of(Capability.PULL, Capability.RETRACTION));
    private static final DateTimeFormatter RFC3339_MILLIS = DateTimeFormatter.ISO_INSTANT;

    private final int maxAttempts;
    private final Retries.Sleeper sleeper;

    public TaxiiPlugin() {
        this(4, Retries.Sleeper.REAL);
    }

    TaxiiPlugin(int maxAttempts, Retries.Sleeper sleeper) {
        this.maxAttempts = maxAttempts;
        this.sleeper = sleeper;
    }

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ConfigSchema configSchema() {
        return TaxiiSettings.SCHEMA;
    }

    @Override
    public ValidationResult validate(PluginContext context) {
        TaxiiSettings settings = TaxiiSettings.from(context.config());
        if (!settings.headerName().isEmpty() && !settings.headerName().matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
            return ValidationResult.fieldError(TaxiiSettings.HEADER_NAME, "Not a valid HTTP header name");
        }
        TaxiiClient client = client(context, settings);
        URI apiRoot;
        try {
            apiRoot = client.apiRoot();
        } catch (TaxiiException e) {
            return ValidationResult.fieldError(e.kind() == TaxiiException.Kind.AUTHENTICATION
                    ? authField(settings) : TaxiiSettings.DISCOVERY_URL, e.getMessage());
        }
        try {
            client.checkApiRoot(apiRoot);
            List<Map<String, Object>> readable = readable(client.collections(apiRoot));
            List<String> missing = settings.collections().stream()
                    .filter(wanted -> readable.stream().noneMatch(c -> matches(c, wanted))).toList();
            if (!missing.isEmpty()) {
                return ValidationResult.fieldError(TaxiiSettings.COLLECTIONS, "No readable collection " + missing
                        + " (readable: " + readable.stream().map(c -> c.get("id") + " \"" + c.get("title") + "\"")
                        .toList() + ")");
            }
            if (readable.isEmpty()) {
                return ValidationResult.fieldError(TaxiiSettings.COLLECTIONS, "The API root has no collection you"
                        + " may read");
            }
        } catch (TaxiiException e) {
            return ValidationResult.fieldError(e.kind() == TaxiiException.Kind.AUTHENTICATION ? authField(settings)
                    : settings.apiRoot().isEmpty() ? TaxiiSettings.DISCOVERY_URL : TaxiiSettings.API_ROOT, e.getMessage());
        }
        return ValidationResult.ok();
    }

    private static String authField(TaxiiSettings settings) {
        return !settings.username().isEmpty() ? TaxiiSettings.PASSWORD
                : !settings.headerName().isEmpty() ? TaxiiSettings.HEADER_VALUE : TaxiiSettings.USERNAME;
    }

    @Override
    public PullPage<Indicator> pullIndicators(PluginContext context, Checkpoint checkpoint) {
        TaxiiSettings settings = TaxiiSettings.from(context.config());
        TaxiiClient client = client(context, settings);
        try {
            URI apiRoot = client.apiRoot();
            List<String> ids = selected(settings, readable(client.collections(apiRoot)));
            Map<String, String> next = new HashMap<>(checkpoint.values());
            if (ids.isEmpty()) {
                next.put(CURSOR, "0");
                return PullPage.last(List.of(), new Checkpoint(next));
            }
            int cursor = checkpoint.get(CURSOR).filter(c -> c.matches("\\d{1,4}")).map(Integer::parseInt).orElse(0);
            cursor = cursor < ids.size() ? cursor : 0;
            String id = ids.get(cursor);
            String initial = RFC3339_MILLIS.format(context.clock().instant().minus(settings.initialRange())
                    .truncatedTo(ChronoUnit.MILLIS));
            String addedAfter = checkpoint.get(id + ".added_after").orElse(initial);
            String token = checkpoint.get(id + ".next").orElse(null);
            TaxiiClient.ObjectsPage page = client.objects(apiRoot, id, addedAfter, token, settings.pageSize());
            StixIndicators found = new StixIndicators();
            page.objects().forEach(found::add);
            remember(context, found.revoked);
            String last = page.dateAddedLast() != null ? page.dateAddedLast()
                    : checkpoint.get(id + ".last").orElse(null);
            boolean collectionDone = !page.more();
            if (page.more() && page.next() != null) {
                next.put(id + ".next", page.next());
                putOrRemove(next, id + ".last", last);
            } else {
                next.remove(id + ".next");
                next.remove(id + ".last");
                if (last != null) {
                    next.put(id + ".added_after", last);
                } else if (page.more()) {
                    throw new TaxiiException(TaxiiException.Kind.REFUSED, "Collection " + id + " says more but gives"
                            + " neither next nor X-TAXII-Date-Added-Last; cannot continue");
                } else {
                    next.put(id + ".added_after", addedAfter);
                }
            }
            int nextCursor = collectionDone ? cursor + 1 : cursor;
            boolean more = !collectionDone || nextCursor < ids.size();
            next.put(CURSOR, Integer.toString(nextCursor < ids.size() ? nextCursor : 0));
            return new PullPage<>(found.indicators, found.rejected, new Checkpoint(next), more);
        } catch (TaxiiException e) {
            context.logger().error("Pulling from " + settings.discoveryUrl() + " failed: " + e.getMessage(),
                    PULL_FAILED);
            throw e;
        }
    }

    @Override
    public List<Indicator> retractedIndicators(PluginContext context, List<Indicator> candidates) {
        return candidates.stream().filter(i -> context.storage().get(revokedKey(i)).isPresent()).toList();
    }

    private static void remember(PluginContext context, List<Indicator> revoked) {
        String now = context.clock().instant().toString();
        revoked.forEach(indicator -> context.storage().put(revokedKey(indicator), now));
    }

    static String revokedKey(Indicator indicator) {
        return "revoked." + indicator.type() + ":" + indicator.value().toLowerCase(java.util.Locale.ROOT);
    }

    private static List<Map<String, Object>> readable(List<Map<String, Object>> collections) {
        return collections.stream().filter(c -> !Boolean.FALSE.equals(c.get("can_read"))).toList();
    }

    private static List<String> selected(TaxiiSettings settings, List<Map<String, Object>> readable) {
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> collection : readable) {
            if (settings.collections().isEmpty() || settings.collections().stream().anyMatch(w -> matches(collection, w))) {
                ids.add(String.valueOf(collection.get("id")));
            }
        }
        return ids;
    }

    private static boolean matches(Map<String, Object> collection, String wanted) {
        return wanted.equals(collection.get("id")) || wanted.equalsIgnoreCase(String.valueOf(collection.get("title")));
    }

    private static void putOrRemove(Map<String, String> map, String key, String value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }

    private TaxiiClient client(PluginContext context, TaxiiSettings settings) {
        return new TaxiiClient(context.httpClient(), settings, context.userAgent(), maxAttempts, sleeper);
    }
}
