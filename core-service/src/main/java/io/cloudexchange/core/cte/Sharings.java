package io.cloudexchange.core.cte;

import io.cloudexchange.core.api.ConflictException;
import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.core.api.NotFoundException;
import io.cloudexchange.core.audit.AuditAction;
import io.cloudexchange.core.audit.AuditChanges;
import io.cloudexchange.core.audit.AuditLog;
import io.cloudexchange.core.configurations.PluginConfiguration;
import io.cloudexchange.core.configurations.PluginConfigurationRepository;
import io.cloudexchange.core.plugins.LoadedPlugin;
import io.cloudexchange.core.plugins.PluginRegistry;
import io.cloudexchange.core.runtime.PluginContexts;
import io.cloudexchange.plugin.api.Action;
import io.cloudexchange.plugin.api.ActionDefinition;
import io.cloudexchange.plugin.api.Capability;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.config.ValidationResult;
import io.cloudexchange.plugin.api.cte.ThreatIntelPlugin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Sharing configurations: validated against their sources, rule and destination plugin's actions; audited. */
@Service
class Sharings {

    static final String AUDIT_TARGET = "cte_sharing";
    static final int MAX_SYNC_DAYS = 3650;

    private final MongoOperations mongo;
    private final PluginConfigurationRepository configurations;
    private final PluginRegistry plugins;
    private final PluginContexts contexts;
    private final SharingScheduler scheduler;
    private final AuditLog audit;
    private final Clock clock;

    Sharings(MongoOperations mongo, PluginConfigurationRepository configurations, PluginRegistry plugins,
             PluginContexts contexts, SharingScheduler scheduler, AuditLog audit, Clock clock) {
        this.mongo = mongo;
        this.configurations = configurations;
        this.plugins = plugins;
        this.contexts = contexts;
        this.scheduler = scheduler;
        this.audit = audit;
        this.clock = clock;
    }

    List<SharingConfiguration> list() {
        return mongo.find(new Query().with(Sort.by("name")), SharingConfiguration.class);
    }

    SharingConfiguration get(String id) {
        SharingConfiguration sharing = mongo.findById(id, SharingConfiguration.class);
        if (sharing == null) {
            throw new NotFoundException("sharing configuration", id);
        }
        return sharing;
    }

    /** The actions a destination configuration's plugin offers, with their parameter schemas. */
    List<ActionDefinition> actions(String destinationConfigurationId) {
        PluginConfiguration destination = configurations.findById(destinationConfigurationId)
                .orElseThrow(() -> new NotFoundException("configuration", destinationConfigurationId));
        ThreatIntelPlugin plugin = pushPlugin(destination)
                .orElseThrow(() -> InvalidRequestException.field("destinationConfigurationId", "cannot push indicators"));
        return plugin.actions(contexts.forConfiguration(destination));
    }

    /** Saves the sharing and shares the matching active indicators at once (in the background). */
    SharingConfiguration create(SharingRequest request) {
        check(request);
        if (nameUsed(request.name().strip())) {
            throw ConflictException.nameUsed(request.name().strip());
        }
        Instant now = clock.instant();
        SharingConfiguration sharing = mongo.insert(new SharingConfiguration(UUID.randomUUID().toString(),
                request.name().strip(), request.sourceConfigurationIds(), request.ruleId(),
                request.destinationConfigurationId(), new Action(request.action(), request.actionParameters()),
                !Boolean.FALSE.equals(request.enabled()), now, now, null));
        audit.record(AuditAction.CREATE, AUDIT_TARGET, sharing.id(), changes(null, sharing));
        scheduler.runSoon(sharing.id());
        return sharing;
    }

    SharingConfiguration update(String id, SharingRequest request) {
        SharingConfiguration before = get(id);
        check(request);
        if (!before.name().equals(request.name().strip()) && nameUsed(request.name().strip())) {
            throw ConflictException.nameUsed(request.name().strip());
        }
        SharingConfiguration saved = mongo.save(new SharingConfiguration(id, request.name().strip(),
                request.sourceConfigurationIds(), request.ruleId(), request.destinationConfigurationId(),
                new Action(request.action(), request.actionParameters()),
                request.enabled() == null ? before.enabled() : request.enabled(), before.createdAt(),
                clock.instant(), before.status()));
        audit.record(AuditAction.UPDATE, AUDIT_TARGET, id, changes(before, saved));
        scheduler.runSoon(id);
        return saved;
    }

    void delete(String id) {
        SharingConfiguration before = get(id);
        mongo.remove(before);
        mongo.updateMulti(Query.query(Criteria.where("sharedWith").is(id)), new Update().pull("sharedWith", id),
                StoredIndicator.class);
        audit.record(AuditAction.DELETE, AUDIT_TARGET, id, changes(before, null));
    }

    /** Re-shares the indicators changed in the last {@code days}: moves the mark back and runs now. */
    SharingConfiguration sync(String id, int days) {
        if (days < 1 || days > MAX_SYNC_DAYS) {
            throw InvalidRequestException.field("days", "1 to " + MAX_SYNC_DAYS);
        }
        SharingConfiguration sharing = get(id);
        SharingConfiguration.Status status = sharing.status();
        Instant from = clock.instant().minus(Duration.ofDays(days));
        SharingConfiguration.Status moved = new SharingConfiguration.Status(status.state(), from, "", status.shared(),
                status.rejected(), status.retracted(), status.lastRunAt(), status.lastSuccessAt(), status.lastError(),
                0, null);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("status", moved),
                SharingConfiguration.class);
        audit.record(AuditAction.UPDATE, AUDIT_TARGET, id, AuditChanges.of().field("sync", null, days + " days"));
        scheduler.runSoon(id);
        return sharing.withStatus(moved);
    }

    private void check(SharingRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (request.name() == null || request.name().isBlank() || request.name().strip().length() > 128) {
            errors.put("name", "1 to 128 characters");
        }
        if (request.sourceConfigurationIds() == null || request.sourceConfigurationIds().isEmpty()) {
            errors.put("sourceConfigurationIds", "choose one or more source configurations");
        } else {
            for (String sourceId : request.sourceConfigurationIds()) {
                boolean apiSource = sourceId != null && sourceId.startsWith(ApiSource.PLUGIN_ID + ":");
                boolean cteSource = sourceId != null && configurations.findById(sourceId)
                        .filter(c -> c.module() == PlatformModule.CTE).isPresent();
                if (!apiSource && !cteSource) {
                    errors.put("sourceConfigurationIds", "'" + sourceId + "' is no Threat Exchange configuration");
                }
            }
        }
        if (request.ruleId() == null || mongo.findById(request.ruleId(), BusinessRule.class) == null) {
            errors.put("ruleId", "no such business rule");
        }
        Optional<PluginConfiguration> destination = request.destinationConfigurationId() == null ? Optional.empty()
                : configurations.findById(request.destinationConfigurationId());
        Optional<ThreatIntelPlugin> plugin = destination.flatMap(this::pushPlugin);
        if (plugin.isEmpty()) {
            errors.put("destinationConfigurationId", "choose a configuration whose plugin pushes indicators");
        } else if (request.action() == null || request.action().isBlank()) {
            errors.put("action", "choose one of the destination's actions");
        } else {
            ValidationResult result = plugin.get().validateAction(contexts.forConfiguration(destination.get()),
                    new Action(request.action(), request.actionParameters()));
            result.fieldErrors().forEach((field, problem) ->
                    errors.put(field.equals("action") ? "action" : "actionParameters." + field, problem));
            if (result.message() != null) {
                errors.put("action", result.message());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors, null);
        }
    }

    private Optional<ThreatIntelPlugin> pushPlugin(PluginConfiguration configuration) {
        return plugins.find(configuration.pluginId())
                .filter(loaded -> loaded.descriptor().supports(Capability.PUSH))
                .map(LoadedPlugin::plugin)
                .filter(ThreatIntelPlugin.class::isInstance)
                .map(ThreatIntelPlugin.class::cast);
    }

    private boolean nameUsed(String name) {
        return mongo.exists(Query.query(Criteria.where("name").is(name)), SharingConfiguration.class);
    }

    private static AuditChanges changes(SharingConfiguration before, SharingConfiguration after) {
        return AuditChanges.of()
                .field("name", before == null ? null : before.name(), after == null ? null : after.name())
                .field("sourceConfigurationIds", before == null ? null : before.sourceConfigurationIds(),
                        after == null ? null : after.sourceConfigurationIds())
                .field("ruleId", before == null ? null : before.ruleId(), after == null ? null : after.ruleId())
                .field("destinationConfigurationId", before == null ? null : before.destinationConfigurationId(),
                        after == null ? null : after.destinationConfigurationId())
                .field("action", before == null ? null : before.action().value(),
                        after == null ? null : after.action().value())
                .fields("actionParameters", before == null ? Map.of() : before.action().parameters(),
                        after == null ? Map.of() : after.action().parameters())
                .field("enabled", before == null ? null : before.enabled(), after == null ? null : after.enabled());
    }
}
