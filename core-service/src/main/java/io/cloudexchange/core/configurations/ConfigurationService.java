package io.cloudexchange.core.configurations;

import io.cloudexchange.core.api.ConflictException;
import io.cloudexchange.core.audit.AuditAction;
import io.cloudexchange.core.audit.AuditChanges;
import io.cloudexchange.core.audit.AuditLog;
import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.core.api.NotFoundException;
import io.cloudexchange.core.logging.PlatformLog;
import io.cloudexchange.core.plugins.PluginRegistry;
import io.cloudexchange.core.pull.PullControl;
import io.cloudexchange.core.runtime.PluginContexts;
import io.cloudexchange.core.security.Actor;
import io.cloudexchange.plugin.api.config.ValidationResult;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/** Creates, changes and deletes plugin configurations; nothing is stored unless every check passed. */
@Service
class ConfigurationService {

    private static final String WHAT = "Configuration";
    private static final String AUDIT_TARGET = "configuration";

    private final PluginConfigurationRepository repository;
    private final ConfigurationRequestValidator validator;
    private final PluginRegistry plugins;
    private final PluginContexts contexts;
    private final PullControl pulls;
    private final ApplicationEventPublisher events;
    private final PlatformLog platformLog;
    private final AuditLog auditLog;
    private final Clock clock;

    ConfigurationService(PluginConfigurationRepository repository, ConfigurationRequestValidator validator,
                         PluginRegistry plugins, PluginContexts contexts, PullControl pulls,
                         ApplicationEventPublisher events, PlatformLog platformLog, AuditLog auditLog,
                         Clock clock) {
        this.repository = repository;
        this.validator = validator;
        this.plugins = plugins;
        this.contexts = contexts;
        this.pulls = pulls;
        this.events = events;
        this.platformLog = platformLog;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    List<ConfigurationResponse> list() {
        return repository.findAll(Sort.by("name")).stream().map(this::response).toList();
    }

    ConfigurationResponse get(String id) {
        return response(find(id));
    }

    ConfigurationResponse create(Actor actor, ConfigurationRequest request) {
        PluginConfiguration candidate = validator.toConfiguration(request, null, clock.instant());
        requireUniqueName(candidate);
        checkWithPlugin(candidate);
        PluginConfiguration saved = repository.insert(candidate);
        auditLog.record(AuditAction.CREATE, AUDIT_TARGET, saved.id(), changes(null, saved));
        platformLog.info(PlatformLog.configurationSource(saved.id()),
                "Configuration '" + saved.name() + "' (" + saved.pluginId() + ") created by " + actor.describe());
        return response(saved);
    }

    ConfigurationResponse update(Actor actor, String id, ConfigurationRequest request) {
        PluginConfiguration existing = find(id);
        PluginConfiguration candidate = validator.toConfiguration(request, existing, clock.instant());
        requireUniqueName(candidate);
        checkWithPlugin(candidate);
        PluginConfiguration saved = repository.save(candidate);
        auditLog.record(AuditAction.UPDATE, AUDIT_TARGET, id, changes(existing, saved));
        platformLog.info(PlatformLog.configurationSource(saved.id()),
                "Configuration '" + saved.name() + "' updated by " + actor.describe());
        return response(saved);
    }

    void delete(Actor actor, String id) {
        PluginConfiguration configuration = find(id);
        repository.deleteById(id);
        events.publishEvent(new ConfigurationDeletedEvent(id));
        auditLog.record(AuditAction.DELETE, AUDIT_TARGET, id, changes(configuration, null));
        platformLog.info(PlatformLog.configurationSource(id),
                "Configuration '" + configuration.name() + "' deleted by " + actor.describe());
    }

    void runNow(Actor actor, String id) {
        PluginConfiguration configuration = find(id);
        pulls.runNow(id);
        platformLog.info(PlatformLog.configurationSource(id),
                "Pull of '" + configuration.name() + "' requested by " + actor.describe());
    }

    /** Field-level changes for the audit log; secret values show only as masked. */
    private static AuditChanges changes(PluginConfiguration before, PluginConfiguration after) {
        return AuditChanges.of()
                .field("name", before == null ? null : before.name(), after == null ? null : after.name())
                .field("pluginId", before == null ? null : before.pluginId(), after == null ? null : after.pluginId())
                .field("enabled", before == null ? null : before.enabled(), after == null ? null : after.enabled())
                .field("pollIntervalSeconds", before == null ? null : before.pollIntervalSeconds(),
                        after == null ? null : after.pollIntervalSeconds())
                .fields("parameters", before == null ? Map.of() : before.parameters(),
                        after == null ? Map.of() : after.parameters())
                .secrets("secrets", before == null ? Map.of() : before.secrets(), after == null ? Map.of() : after.secrets());
    }

    private PluginConfiguration find(String id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException(WHAT, id));
    }

    private void requireUniqueName(PluginConfiguration candidate) {
        repository.findByName(candidate.name())
                .filter(other -> !other.id().equals(candidate.id()))
                .ifPresent(other -> {
                    throw ConflictException.nameUsed(candidate.name());
                });
    }

    /** The plugin's own checks (e.g. that the credentials work), after the schema accepted the values. */
    private void checkWithPlugin(PluginConfiguration candidate) {
        ValidationResult result;
        try {
            result = plugins.find(candidate.pluginId()).orElseThrow()
                    .plugin().validate(contexts.forConfiguration(candidate));
        } catch (RuntimeException e) {
            platformLog.error(PlatformLog.PLATFORM_SOURCE, null,
                    "Plugin " + candidate.pluginId() + " failed while checking configuration '" + candidate.name() + "'", e);
            throw new InvalidRequestException(Map.of(), "The plugin could not check the configuration; see the platform log");
        }
        if (!result.isValid()) {
            Map<String, String> errors = new LinkedHashMap<>();
            result.fieldErrors().forEach((key, problem) -> errors.put("parameters." + key, problem));
            throw new InvalidRequestException(errors, result.message());
        }
    }

    private ConfigurationResponse response(PluginConfiguration configuration) {
        return ConfigurationResponse.of(configuration, pulls.lastRun(configuration.id()).orElse(null));
    }
}
