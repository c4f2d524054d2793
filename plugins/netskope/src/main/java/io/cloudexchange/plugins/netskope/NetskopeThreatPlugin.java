package io.cloudexchange.plugins.netskope;

import io.cloudexchange.plugin.api.Action;
import io.cloudexchange.plugin.api.ActionDefinition;
import io.cloudexchange.plugin.api.Capability;
import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PluginDescriptor;
import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.PushResult;
import io.cloudexchange.plugin.api.RejectedItem;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.config.ValidationResult;
import io.cloudexchange.plugin.api.cte.Indicator;
import io.cloudexchange.plugin.api.cte.ThreatIntelPlugin;
import io.cloudexchange.plugin.api.log.LogRecord;
import io.cloudexchange.plugins.netskope.cte.AlertIndicators;
import io.cloudexchange.plugins.netskope.cte.DestinationProfileTarget;
import io.cloudexchange.plugins.netskope.cte.FileHashListTarget;
import io.cloudexchange.plugins.netskope.cte.ShareActions;
import io.cloudexchange.plugins.netskope.cte.UrlListTarget;
import io.cloudexchange.plugins.netskope.dataexport.DataExportClient;
import io.cloudexchange.plugins.netskope.dataexport.DataExportType;
import io.cloudexchange.plugins.netskope.dataexport.IteratorPuller;
import io.cloudexchange.plugins.netskope.http.NetskopeApiException;
import io.cloudexchange.plugins.netskope.http.RetryPolicy;
import io.cloudexchange.plugins.netskope.http.Sleeper;
import io.cloudexchange.plugins.netskope.http.TenantHttp;
import io.cloudexchange.plugins.netskope.push.NetskopeAdminClient;
import io.cloudexchange.plugins.netskope.tenant.InvalidTenantUrlException;
import io.cloudexchange.plugins.netskope.tenant.ProbeResult;
import io.cloudexchange.plugins.netskope.tenant.TenantProbe;
import io.cloudexchange.plugins.netskope.tenant.TenantUrl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Threat Exchange plugin for a Netskope tenant: pulls file hashes from malware alerts and URLs from
 * malsite alerts (one dataexport iterator per alert type, see {@link IteratorPuller}), and shares
 * indicators to URL lists, the file hash list and destination profiles ({@link ShareActions}).
 * The checkpoint holds each type's iterator position under {@code <type>.<key>}.
 */
public final class NetskopeThreatPlugin implements ThreatIntelPlugin {

    static final String PULL_FAILED = "NETSKOPE-CTE-1001";
    static final String PUSH_FAILED = "NETSKOPE-CTE-1002";
    /** Validation must answer while the admin waits: two quick attempts. */
    private static final RetryPolicy VALIDATION = new RetryPolicy(Duration.ofMillis(500), Duration.ofSeconds(1), 2,
            Duration.ofSeconds(2), Duration.ofSeconds(15));

    private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor(
            "netskope-cte",
            "Netskope Threat Exchange",
            "1.0.0",
            "Pulls file hashes and URLs from Netskope malware and malsite alerts; shares indicators to URL lists,"
                    + " the file hash list and destination profiles.",
            Set.of(PlatformModule.CTE),
            "0.1.0",
            Set.of(Capability.PULL, Capability.PUSH, Capability.PATCH, Capability.DELETE));

    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;

    public NetskopeThreatPlugin() {
        this(RetryPolicy.DEFAULT, Sleeper.REAL);
    }

    NetskopeThreatPlugin(RetryPolicy retryPolicy, Sleeper sleeper) {
        this.retryPolicy = retryPolicy;
        this.sleeper = sleeper;
    }

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ConfigSchema configSchema() {
        return NetskopeThreatSettings.SCHEMA;
    }

    @Override
    public ValidationResult validate(PluginContext context) {
        NetskopeThreatSettings settings = NetskopeThreatSettings.from(context.config());
        TenantUrl tenant;
        try {
            tenant = settings.tenant();
        } catch (InvalidTenantUrlException e) {
            return ValidationResult.fieldError(NetskopeThreatSettings.TENANT_URL, e.getMessage());
        }
        ValidationResult.Builder result = ValidationResult.builder();
        if (!settings.pullTypes().isEmpty()) {
            List<ProbeResult> probes = new TenantProbe(context.httpClient(), context.userAgent(), context.clock())
                    .probe(tenant, settings.v2Token(), settings.pullTypes(), IndexNames.base(context.configurationId()));
            for (ProbeResult probe : probes) {
                switch (probe.outcome()) {
                    case TOKEN_INVALID -> result.field(NetskopeThreatSettings.V2_TOKEN, probe.detail());
                    case UNREACHABLE -> result.field(NetskopeThreatSettings.TENANT_URL, probe.detail());
                    case MISSING_SCOPES -> result.field(NetskopeThreatSettings.PULL_TYPES, "The token lacks the scope "
                            + probe.missingScope() + " (HTTP 403): add it to the token or deselect this type");
                    default -> { }
                }
            }
        }
        if (result.hasError(NetskopeThreatSettings.V2_TOKEN) || result.hasError(NetskopeThreatSettings.TENANT_URL)) {
            return result.build();
        }
        NetskopeAdminClient client = admin(context, settings, VALIDATION);
        try {
            client.urlLists();
        } catch (NetskopeApiException e) {
            result.field(e.problem() == NetskopeApiException.Problem.UNAVAILABLE ? NetskopeThreatSettings.TENANT_URL
                    : NetskopeThreatSettings.V2_TOKEN, e.getMessage());
        }
        if (!settings.v1Token().isEmpty() && !result.hasError(NetskopeThreatSettings.TENANT_URL)) {
            try {
                client.appInstances(settings.v1Token());
            } catch (NetskopeApiException e) {
                result.field(NetskopeThreatSettings.V1_TOKEN, e.getMessage());
            }
        }
        return result.build();
    }

    @Override
    public PullPage<Indicator> pullIndicators(PluginContext context, Checkpoint checkpoint) {
        NetskopeThreatSettings settings = NetskopeThreatSettings.from(context.config());
        TenantHttp http = http(context, settings, retryPolicy);
        IteratorPuller puller = new IteratorPuller(new DataExportClient(http), http, context.storage(), context.clock(),
                sleeper);
        AlertIndicators found = new AlertIndicators();
        List<RejectedItem> rejected = new ArrayList<>();
        Map<String, String> next = new HashMap<>(checkpoint.values());
        boolean more = false;
        for (DataExportType type : settings.pullTypes()) {
            try {
                PullPage<LogRecord> page = puller.pull(IndexNames.of(context.configurationId(), type), type,
                        typeCheckpoint(checkpoint, type), settings.initialRange());
                page.items().forEach(found::add);
                rejected.addAll(page.rejected());
                page.next().values().forEach((key, value) -> next.put(type.name() + "." + key, value));
                more |= page.hasMore();
            } catch (NetskopeApiException e) {
                context.logger().error("Pulling " + type + " alerts from " + settings.tenant() + " failed: "
                        + e.getMessage(), PULL_FAILED);
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pulling " + type, e);
            }
        }
        rejected.addAll(found.rejected());
        return new PullPage<>(found.indicators(), rejected, new Checkpoint(next), more);
    }

    private static Checkpoint typeCheckpoint(Checkpoint checkpoint, DataExportType type) {
        String prefix = type.name() + ".";
        return new Checkpoint(checkpoint.values().entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(prefix))
                .collect(Collectors.toMap(entry -> entry.getKey().substring(prefix.length()), Map.Entry::getValue)));
    }

    @Override
    public List<ActionDefinition> actions(PluginContext context) {
        return ShareActions.definitions();
    }

    @Override
    public ValidationResult validateAction(PluginContext context, Action action) {
        ValidationResult result = ThreatIntelPlugin.super.validateAction(context, action);
        if (ShareActions.FILE_HASH_LIST.equals(action.value())
                && NetskopeThreatSettings.from(context.config()).v1Token().isEmpty()) {
            result = result.and(ValidationResult.error("Sharing to a file hash list needs the V1 API token of this"
                    + " configuration"));
        }
        return result;
    }

    @Override
    public PushResult push(PluginContext context, List<Indicator> indicators, Action action) {
        return share(context, indicators, action, false);
    }

    @Override
    public PushResult retract(PluginContext context, List<Indicator> indicators, Action action) {
        return share(context, indicators, action, true);
    }

    private PushResult share(PluginContext context, List<Indicator> indicators, Action action, boolean remove) {
        if (indicators.isEmpty()) {
            return PushResult.ok("nothing to share");
        }
        ValidationResult valid = validateAction(context, action);
        if (!valid.isValid()) {
            return PushResult.permanentFailure("Invalid action " + action.value() + ": " + valid);
        }
        NetskopeThreatSettings settings = NetskopeThreatSettings.from(context.config());
        Map<String, Object> parameters = actionDefinition(action.value()).parameters().withDefaults(action.parameters());
        boolean regex = "regex".equals(parameters.get(ShareActions.LIST_TYPE))
                || "regex".equals(parameters.get(ShareActions.PROFILE_TYPE));
        ShareActions.Split split = ShareActions.split(action.value(), indicators, regex);
        if (split.accepted().isEmpty()) {
            return PushResult.partial("no indicator fits " + action.value(), split.rejected());
        }
        boolean replace = ShareActions.REPLACE.equals(parameters.get(ShareActions.MODE));
        List<RejectedItem> rejected = new ArrayList<>(split.rejected());
        NetskopeAdminClient client = admin(context, settings, retryPolicy);
        try {
            String message = switch (action.value()) {
                case ShareActions.URL_LIST -> {
                    String name = (String) parameters.get(ShareActions.LIST_NAME);
                    long maxBytes = ((Number) parameters.get(ShareActions.MAX_SIZE_MB)).longValue() * 1024 * 1024;
                    UrlListTarget target = new UrlListTarget(client, maxBytes);
                    String type = (String) parameters.get(ShareActions.LIST_TYPE);
                    yield remove ? "removed " + target.remove(name, split.accepted()) + " from URL list " + name
                            : replace ? "URL list " + name + " now holds " + target.replace(name, type, split.accepted())
                            : "added " + target.append(name, type, split.accepted()) + " to URL list " + name;
                }
                case ShareActions.FILE_HASH_LIST -> {
                    String name = (String) parameters.get(ShareActions.LIST_NAME);
                    FileHashListTarget target = new FileHashListTarget(client, context.storage(), settings.v1Token());
                    if (remove) {
                        yield "removed " + target.remove(name, split.accepted()) + " from file hash list " + name;
                    }
                    rejected.addAll(target.push(name, split.accepted(), replace));
                    yield "shared to file hash list " + name;
                }
                case ShareActions.DESTINATION_PROFILE -> {
                    String name = (String) parameters.get(ShareActions.PROFILE_NAME);
                    DestinationProfileTarget target = new DestinationProfileTarget(client);
                    if (remove) {
                        yield "removed " + target.remove(name, split.accepted()) + " from destination profile " + name;
                    }
                    rejected.addAll(target.push(name, (String) parameters.get(ShareActions.PROFILE_TYPE),
                            split.accepted(), replace));
                    yield "shared to destination profile " + name;
                }
                default -> throw new IllegalStateException("unknown action " + action.value());
            };
            return PushResult.partial(message, rejected);
        } catch (NetskopeApiException e) {
            context.logger().error((remove ? "Retracting from " : "Sharing to ") + action.value() + " on "
                    + settings.tenant() + " failed: " + e.getMessage(), PUSH_FAILED);
            return e.problem() == NetskopeApiException.Problem.UNAVAILABLE
                    ? PushResult.transientFailure(e.getMessage()) : PushResult.permanentFailure(e.getMessage());
        }
    }

    private static ActionDefinition actionDefinition(String value) {
        return ShareActions.definitions().stream().filter(a -> a.value().equals(value)).findFirst().orElseThrow();
    }

    private TenantHttp http(PluginContext context, NetskopeThreatSettings settings, RetryPolicy policy) {
        return new TenantHttp(context.httpClient(), settings.tenant(), settings.v2Token(), context.userAgent(),
                context.storage(), context.clock(), policy, sleeper);
    }

    private NetskopeAdminClient admin(PluginContext context, NetskopeThreatSettings settings, RetryPolicy policy) {
        return new NetskopeAdminClient(http(context, settings, policy));
    }
}
