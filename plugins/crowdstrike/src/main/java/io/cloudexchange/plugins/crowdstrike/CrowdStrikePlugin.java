package io.cloudexchange.plugins.crowdstrike;

import io.cloudexchange.plugin.api.json.Json;
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
import io.cloudexchange.plugin.api.config.Choice;
import io.cloudexchange.plugin.api.config.ConfigField;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.config.ValidationResult;
import io.cloudexchange.plugin.api.cte.Indicator;
import io.cloudexchange.plugin.api.cte.ThreatIntelPlugin;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CrowdStrike Falcon custom IOCs. Pull: {@code GET /iocs/combined/indicator/v1} filtered on
 * {@code modified_on} after the checkpoint, sorted by it, paged with {@code after}. Push:
 * {@code POST /iocs/entities/indicators/v1} in batches of 2,000. Retract: the ids of the values
 * (created by Cloud Exchange) are looked up and removed with {@code DELETE /iocs/entities/indicators/v1?ids=}.
 */
public final class CrowdStrikePlugin implements ThreatIntelPlugin {

    static final String SINCE = "modified_since";
    static final String AFTER = "after";
    static final String MAX = "max_modified";
    static final String CREATE = "create_ioc";
    static final String ACTION = "action";
    static final String PLATFORMS = "platforms";
    static final String SEVERITY = "severity";
    static final String EXPIRATION_DAYS = "expiration_days";
    static final int PUSH_BATCH = 2000;
    static final int LOOKUP_BATCH = 100;
    static final String IOCS = "/iocs/entities/indicators/v1";
    static final String COMBINED = "/iocs/combined/indicator/v1";
    static final String FAILED = "CROWDSTRIKE-1001";

    private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor(
            "crowdstrike-ioc",
            "CrowdStrike Falcon IOCs",
            "1.0.0",
            "Pulls custom IOCs from CrowdStrike Falcon and shares hashes, domains and IP addresses as custom IOCs"
                    + " (detect, prevent or no action).",
            Set.of(PlatformModule.CTE),
            "0.1.0",
            Set.of(Capability.PULL, Capability.PUSH, Capability.DELETE));

    private static final ConfigSchema CREATE_PARAMETERS = ConfigSchema.of(
            ConfigField.choice(ACTION, "Action", List.of(new Choice("Detect", "detect"),
                    new Choice("Prevent (hashes; domains and IPs are detected)", "prevent"),
                    new Choice("No action", "no_action"))).withDefault("detect"),
            ConfigField.multichoice(PLATFORMS, "Platforms", List.of(new Choice("Windows", "windows"),
                    new Choice("macOS", "mac"), new Choice("Linux", "linux")))
                    .withDefault(List.of("windows", "mac", "linux")).required(),
            ConfigField.choice(SEVERITY, "Severity", List.of(Choice.of("informational"), Choice.of("low"),
                    Choice.of("medium"), Choice.of("high"), Choice.of("critical"))).withDefault("medium"),
            ConfigField.number(EXPIRATION_DAYS, "Expire domains and IPs after (days)").range(0, 365).withDefault(0)
                    .withDescription("0: never."));

    private final int maxAttempts;
    private final FalconClient.Sleeper sleeper;

    public CrowdStrikePlugin() {
        this(4, duration -> Thread.sleep(duration.toMillis()));
    }

    CrowdStrikePlugin(int maxAttempts, FalconClient.Sleeper sleeper) {
        this.maxAttempts = maxAttempts;
        this.sleeper = sleeper;
    }

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ConfigSchema configSchema() {
        return FalconSettings.SCHEMA;
    }

    @Override
    public ValidationResult validate(PluginContext context) {
        FalconSettings settings = FalconSettings.from(context.config());
        FalconClient client = client(context, settings);
        try {
            client.checkCredentials();
        } catch (FalconException e) {
            return ValidationResult.fieldError(e.kind() == FalconException.Kind.CREDENTIALS
                    ? FalconSettings.CLIENT_SECRET : FalconSettings.BASE_URL, e.getMessage());
        }
        if (!settings.pull()) {
            return ValidationResult.ok();
        }
        try {
            client.get(COMBINED + "?limit=1");
        } catch (FalconException e) {
            return ValidationResult.fieldError(e.kind() == FalconException.Kind.FORBIDDEN ? FalconSettings.CLIENT_ID
                    : FalconSettings.BASE_URL, e.getMessage());
        }
        return ValidationResult.ok();
    }

    @Override
    public PullPage<Indicator> pullIndicators(PluginContext context, Checkpoint checkpoint) {
        FalconSettings settings = FalconSettings.from(context.config());
        if (!settings.pull()) {
            return PullPage.last(List.of(), Checkpoint.of(SINCE, context.clock().instant().toString()));
        }
        String since = checkpoint.get(SINCE).orElseGet(() -> context.clock().instant().minus(settings.initialRange())
                .truncatedTo(ChronoUnit.SECONDS).toString());
        String filter = "modified_on:>'" + since + "'" + (settings.skipOwn()
                ? "+source:!'" + FalconSettings.SOURCE + "'" : "");
        StringBuilder query = new StringBuilder(COMBINED).append("?filter=").append(FalconClient.encode(filter))
                .append("&sort=").append(FalconClient.encode("modified_on.asc")).append("&limit=").append(settings.pageSize());
        checkpoint.get(AFTER).ifPresent(after -> query.append("&after=").append(FalconClient.encode(after)));
        FalconClient.Answer answer;
        try {
            answer = client(context, settings).get(query.toString());
            if (answer.status() == 400) {
                throw new FalconException(FalconException.Kind.REFUSED, "The IOC query was refused"
                        + FalconClient.errors(Json.write(answer.body())));
            }
        } catch (FalconException e) {
            context.logger().error("Pulling IOCs from " + settings.baseUrl() + " failed: " + e.getMessage(), FAILED);
            throw e;
        }
        List<Indicator> indicators = new ArrayList<>();
        List<RejectedItem> rejected = new ArrayList<>();
        Instant max = checkpoint.get(MAX).map(FalconIocs::time).orElse(null);
        for (Object resource : Json.array(answer.body().get("resources"))) {
            Map<String, Object> ioc = Json.object(resource);
            Object mapped = FalconIocs.toIndicator(ioc);
            if (mapped instanceof Indicator indicator) {
                indicators.add(indicator);
            } else {
                rejected.add((RejectedItem) mapped);
            }
            Instant modified = FalconIocs.time(ioc.get("modified_on"));
            if (modified != null && (max == null || modified.isAfter(max))) {
                max = modified;
            }
        }
        String after = Json.text(Json.object(Json.object(answer.body().get("meta")).get("pagination")).get(AFTER));
        boolean more = after != null && !after.isEmpty() && !Json.array(answer.body().get("resources")).isEmpty();
        Map<String, String> next = new LinkedHashMap<>();
        if (more) {
            next.put(SINCE, since);
            next.put(AFTER, after);
            if (max != null) {
                next.put(MAX, max.toString());
            }
        } else {
            next.put(SINCE, max != null ? max.toString() : since);
        }
        return new PullPage<>(indicators, rejected, new Checkpoint(next), more);
    }

    @Override
    public List<ActionDefinition> actions(PluginContext context) {
        return List.of(new ActionDefinition("Create Falcon IOCs", CREATE, false, CREATE_PARAMETERS));
    }

    @Override
    public PushResult push(PluginContext context, List<Indicator> indicators, Action action) {
        if (indicators.isEmpty()) {
            return PushResult.ok("nothing to share");
        }
        ValidationResult valid = validateAction(context, action);
        if (!valid.isValid()) {
            return PushResult.permanentFailure("Invalid action: " + valid);
        }
        FalconSettings settings = FalconSettings.from(context.config());
        Map<String, Object> parameters = CREATE_PARAMETERS.withDefaults(action.parameters());
        List<RejectedItem> rejected = new ArrayList<>();
        Map<FalconIocs.Ioc, Indicator> iocs = iocs(indicators, rejected);
        FalconClient client = client(context, settings);
        int created = 0;
        int existing = 0;
        try {
            List<Map.Entry<FalconIocs.Ioc, Indicator>> entries = new ArrayList<>(iocs.entrySet());
            for (int i = 0; i < entries.size(); i += PUSH_BATCH) {
                List<Map<String, Object>> batch = entries.subList(i, Math.min(entries.size(), i + PUSH_BATCH)).stream()
                        .map(entry -> body(entry.getKey(), entry.getValue(), parameters, context.clock().instant()))
                        .toList();
                FalconClient.Answer answer = client.post(IOCS, Map.of("comment", "Shared by Cloud Exchange",
                        "indicators", batch));
                int[] counts = outcome(answer, batch, rejected);
                created += counts[0];
                existing += counts[1];
            }
        } catch (FalconException e) {
            context.logger().error("Sharing IOCs with " + settings.baseUrl() + " failed: " + e.getMessage(), FAILED);
            return e.kind() == FalconException.Kind.UNAVAILABLE ? PushResult.transientFailure(e.getMessage())
                    : PushResult.permanentFailure(e.getMessage());
        }
        return PushResult.partial("created " + created + " IOCs, " + existing + " already present", rejected);
    }

    /** Counts created and already present IOCs of one answer; adds the refused ones to {@code rejected}. */
    private static int[] outcome(FalconClient.Answer answer, List<Map<String, Object>> batch, List<RejectedItem> rejected) {
        List<Object> resources = Json.array(answer.body().get("resources"));
        if (answer.status() == 400 && resources.isEmpty()) {
            throw new FalconException(FalconException.Kind.REFUSED, "The IOC batch was refused"
                    + FalconClient.errors(Json.write(answer.body())));
        }
        int created = 0;
        int existing = 0;
        for (Object item : resources) {
            Map<String, Object> resource = Json.object(item);
            String message = Json.text(resource.get("message"));
            if (!"error".equals(resource.get("message_type"))) {
                created++;
            } else if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("duplicate")) {
                existing++;
            } else {
                rejected.add(new RejectedItem(String.valueOf(resource.get("value")), message == null
                        ? "refused by Falcon" : message));
            }
        }
        return new int[] {created, existing};
    }

    private static Map<String, Object> body(FalconIocs.Ioc ioc, Indicator indicator, Map<String, Object> parameters,
                                            Instant now) {
        String chosen = String.valueOf(parameters.get(ACTION));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ioc.type());
        body.put("value", ioc.value());
        body.put("action", chosen.equals("prevent") && !ioc.isHash() ? "detect" : chosen);
        body.put("platforms", parameters.get(PLATFORMS));
        body.put("severity", parameters.get(SEVERITY));
        body.put("source", FalconSettings.SOURCE);
        body.put("applied_globally", true);
        String comments = indicator.comments();
        body.put("description", comments.length() > 1000 ? comments.substring(0, 1000) : comments);
        long days = parameters.get(EXPIRATION_DAYS) instanceof Number n ? n.longValue() : 0;
        if (days > 0 && !ioc.isHash()) {
            body.put("expiration", now.plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        }
        return body;
    }

    @Override
    public PushResult retract(PluginContext context, List<Indicator> indicators, Action action) {
        List<RejectedItem> rejected = new ArrayList<>();
        List<FalconIocs.Ioc> iocs = new ArrayList<>(iocs(indicators, rejected).keySet());
        FalconSettings settings = FalconSettings.from(context.config());
        FalconClient client = client(context, settings);
        int removed = 0;
        try {
            for (int i = 0; i < iocs.size(); i += LOOKUP_BATCH) {
                List<FalconIocs.Ioc> batch = iocs.subList(i, Math.min(iocs.size(), i + LOOKUP_BATCH));
                String values = batch.stream().map(ioc -> "'" + ioc.value().replace("\\", "\\\\").replace("'", "\\'") + "'")
                        .collect(Collectors.joining(","));
                String filter = "value:[" + values + "]+source:'" + FalconSettings.SOURCE + "'";
                FalconClient.Answer found = client.get(COMBINED + "?filter=" + FalconClient.encode(filter) + "&limit=2000");
                Set<FalconIocs.Ioc> wanted = new LinkedHashSet<>(batch);
                List<String> ids = Json.array(found.body().get("resources")).stream().map(Json::object)
                        .filter(r -> wanted.contains(new FalconIocs.Ioc(String.valueOf(r.get("type")),
                                String.valueOf(r.get("value")))))
                        .map(r -> String.valueOf(r.get("id"))).toList();
                if (!ids.isEmpty()) {
                    client.delete(IOCS + "?" + ids.stream().map(id -> "ids=" + FalconClient.encode(id))
                            .collect(Collectors.joining("&")));
                    removed += ids.size();
                }
            }
        } catch (FalconException e) {
            context.logger().error("Removing IOCs from " + settings.baseUrl() + " failed: " + e.getMessage(), FAILED);
            return e.kind() == FalconException.Kind.UNAVAILABLE ? PushResult.transientFailure(e.getMessage())
                    : PushResult.permanentFailure(e.getMessage());
        }
        return PushResult.partial("removed " + removed + " IOCs", rejected);
    }

    /** Indicators as Falcon IOCs, de-duplicated (a URL and its host are one IOC); the others in {@code rejected}. */
    private static Map<FalconIocs.Ioc, Indicator> iocs(List<Indicator> indicators, List<RejectedItem> rejected) {
        Map<FalconIocs.Ioc, Indicator> iocs = new LinkedHashMap<>();
        for (Indicator indicator : indicators) {
            Object mapped = FalconIocs.toIoc(indicator);
            if (mapped instanceof FalconIocs.Ioc ioc) {
                iocs.putIfAbsent(ioc, indicator);
            } else {
                rejected.add((RejectedItem) mapped);
            }
        }
        return iocs;
    }

    private FalconClient client(PluginContext context, FalconSettings settings) {
        return new FalconClient(context.httpClient(), settings, context.userAgent(), context.clock(), maxAttempts, sleeper);
    }
}
