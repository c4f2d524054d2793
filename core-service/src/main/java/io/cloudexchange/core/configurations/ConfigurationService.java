package io.cloudexchange.core.configurations;

import io.cloudexchange.core.api.ConflictException;
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

    private final PluginConfigurationRepository repository;
    private final ConfigurationRequestValidator validator;
    private final PluginRegistry plugins;
    private final PluginContexts contexts;
    private final PullControl pulls;
    private final ApplicationEventPublisher events;
    private final PlatformLog platformLog;
    private final Clock clock;

    ConfigurationService(PluginConfigurationRepository repository, ConfigurationRequestValidator validator,
                         PluginRegistry plugins, PluginContexts contexts, PullControl pulls,
                         ApplicationEventPublisher events, PlatformLog platformLog, Clock clock) {
        this.repository = repository;
        this.validator = validator;
        this.plugins = plugins;
        this.contexts = contexts;
        this.pulls = pulls;
        this.events = events;
        this.platformLog = platformLog;
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
        platformLog.info(PlatformLog.configurationSource(saved.id()),
                "Configuration '" + saved.name() + "' (" + saved.pluginId() + ") created by " + actor.describe());
        return response(saved);
    }

    ConfigurationResponse update(Actor actor, String id, ConfigurationRequest request) {
        PluginConfiguration candidate = validator.toConfiguration(request, find(id), clock.instant());
        requireUniqueName(candidate);
        checkWithPlugin(candidate);
        PluginConfiguration saved = repository.save(candidate);
        platformLog.info(PlatformLog.configurationSource(saved.id()),
                "Configuration '" + saved.name() + "' updated by " + actor.describe());
        return response(saved);
    }

    void delete(Actor actor, String id) {
        PluginConfiguration configuration = find(id);
        repository.deleteById(id);
        events.publishEvent(new ConfigurationDeletedEvent(id));
        platformLog.info(PlatformLog.configurationSource(id),
                "Configuration '" + configuration.name() + "' deleted by " + actor.describe());
    }

    void runNow(Actor actor, String id) {
        PluginConfiguration configuration = find(id);
        pulls.runNow(id);
        platformLog.info(PlatformLog.configurationSource(id),
                "Pull of '" + configuration.name() + "' requested by " + actor.describe());
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
