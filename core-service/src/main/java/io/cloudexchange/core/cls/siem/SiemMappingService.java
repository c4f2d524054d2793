package io.cloudexchange.core.cls.siem;

import io.cloudexchange.core.api.ConflictException;
import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.core.api.NotFoundException;
import io.cloudexchange.core.audit.AuditAction;
import io.cloudexchange.core.audit.AuditChanges;
import io.cloudexchange.core.audit.AuditLog;
import io.cloudexchange.core.cls.mapping.LogMappers;
import io.cloudexchange.core.cls.rules.BusinessRule;
import io.cloudexchange.core.cls.rules.BusinessRuleRepository;
import io.cloudexchange.core.cls.rules.BusinessRuleService;
import io.cloudexchange.core.configurations.PluginConfiguration;
import io.cloudexchange.core.configurations.PluginConfigurationRepository;
import io.cloudexchange.core.plugins.PluginRegistry;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.Plugin;
import io.cloudexchange.plugin.api.cls.LogDestinationPlugin;
import io.cloudexchange.plugin.api.cls.LogFormat;
import io.cloudexchange.plugin.api.cls.LogSourcePlugin;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/** SIEM mappings: every reference checked (kind, module, formats), every change audited. */
@Service
public class SiemMappingService {

    static final int MAX_NAME = 100;
    private static final String AUDIT_TARGET = "cls_siem_mapping";

    private final SiemMappingRepository repository;
    private final PluginConfigurationRepository configurations;
    private final PluginRegistry plugins;
    private final BusinessRuleRepository rules;
    private final BusinessRuleService ruleService;
    private final ObjectProvider<LogMappers> mappers;
    private final AuditLog auditLog;
    private final Clock clock;

    SiemMappingService(SiemMappingRepository repository, PluginConfigurationRepository configurations,
                       PluginRegistry plugins, BusinessRuleRepository rules, BusinessRuleService ruleService,
                       ObjectProvider<LogMappers> mappers, AuditLog auditLog, Clock clock) {
        this.repository = repository;
        this.configurations = configurations;
        this.plugins = plugins;
        this.rules = rules;
        this.ruleService = ruleService;
        this.mappers = mappers;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public List<SiemMapping> list() {
        return repository.findAll(Sort.by("name"));
    }

    public SiemMapping get(String id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("SIEM mapping", id));
    }

    SiemMapping create(SiemMappingRequest request) {
        Instant now = clock.instant();
        SiemMapping saved = repository.insert(validated(request, null, now, now, null));
        auditLog.record(AuditAction.CREATE, AUDIT_TARGET, saved.id(), changes(null, saved));
        return saved;
    }

    SiemMapping update(String id, SiemMappingRequest request) {
        SiemMapping existing = get(id);
        SiemMapping saved = repository.save(validated(request, id, existing.createdAt(), clock.instant(),
                existing.version()));
        auditLog.record(AuditAction.UPDATE, AUDIT_TARGET, id, changes(existing, saved));
        return saved;
    }

    void delete(String id) {
        SiemMapping existing = get(id);
        repository.deleteById(id);
        auditLog.record(AuditAction.DELETE, AUDIT_TARGET, id, changes(existing, null));
    }

    private SiemMapping validated(SiemMappingRequest request, String id, Instant createdAt, Instant updatedAt,
                                  Long version) {
        ruleService.ensureBuiltIn();
        Map<String, String> errors = new LinkedHashMap<>();
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            errors.put("name", "is required");
        } else if (name.length() > MAX_NAME) {
            errors.put("name", "must be at most " + MAX_NAME + " characters");
        }
        checkConfiguration(request.sourceConfigurationId(), "sourceConfigurationId", LogSourcePlugin.class,
                "a log source", errors);
        Optional<LogDestinationPlugin> destination = checkConfiguration(request.destinationConfigurationId(),
                "destinationConfigurationId", LogDestinationPlugin.class, "a log destination", errors);
        String ruleId = request.businessRuleId() == null || request.businessRuleId().isBlank()
                ? BusinessRule.ALL_ID : request.businessRuleId();
        if (!rules.existsById(ruleId)) {
            errors.put("businessRuleId", "no business rule '" + ruleId + "'");
        }
        LogFormat format = destination.map(plugin -> chooseFormat(request, plugin, errors)).orElse(null);
        RepeatedFailurePolicy onRepeatedFailure = repeatedFailurePolicy(request.onRepeatedFailure(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors, null);
        }
        repository.findByName(name).filter(other -> !other.id().equals(id)).ifPresent(other -> {
            throw ConflictException.nameUsed(name);
        });
        return new SiemMapping(id, name, request.sourceConfigurationId(), ruleId, request.destinationConfigurationId(),
                request.mappingFileId(), format, request.enabled() == null || request.enabled(), onRepeatedFailure, createdAt, updatedAt,
                version);
    }

    private static RepeatedFailurePolicy repeatedFailurePolicy(RepeatedFailurePolicy requested,
                                                               Map<String, String> errors) {
        if (requested == null || requested.action() == null
                || requested.action() == RepeatedFailurePolicy.Action.KEEP_RETRYING) {
            return RepeatedFailurePolicy.KEEP_RETRYING;
        }
        Integer attempts = requested.afterAttempts();
        if (attempts == null || attempts < 1 || attempts > RepeatedFailurePolicy.MAX_ATTEMPTS) {
            errors.put("onRepeatedFailure.afterAttempts", "must be between 1 and " + RepeatedFailurePolicy.MAX_ATTEMPTS
                    + " when the action is " + requested.action());
            return null;
        }
        return requested;
    }

    private <P extends Plugin> Optional<P> checkConfiguration(String configurationId, String field, Class<P> kind,
                                                              String what, Map<String, String> errors) {
        if (configurationId == null || configurationId.isBlank()) {
            errors.put(field, "is required");
            return Optional.empty();
        }
        Optional<PluginConfiguration> configuration = configurations.findById(configurationId);
        if (configuration.isEmpty()) {
            errors.put(field, "no plugin configuration '" + configurationId + "'");
            return Optional.empty();
        }
        if (configuration.get().module() != PlatformModule.CLS) {
            errors.put(field, "'" + configuration.get().name() + "' is not a Log Shipper configuration");
            return Optional.empty();
        }
        Optional<Plugin> plugin = plugins.find(configuration.get().pluginId()).map(loaded -> loaded.plugin());
        if (plugin.isEmpty() || !kind.isInstance(plugin.get())) {
            errors.put(field, "'" + configuration.get().name() + "' is not " + what);
            return Optional.empty();
        }
        return Optional.of(kind.cast(plugin.get()));
    }

    private LogFormat chooseFormat(SiemMappingRequest request, LogDestinationPlugin destination,
                                   Map<String, String> errors) {
        Set<LogFormat> supported = destination.supportedFormats().isEmpty() ? Set.of()
                : EnumSet.copyOf(destination.supportedFormats());
        if (request.format() != null && !supported.contains(request.format())) {
            errors.put("format", "the destination takes only " + supported);
            return null;
        }
        if (request.mappingFileId() == null || request.mappingFileId().isBlank()) {
            errors.put("mappingFileId", "is required");
            return null;
        }
        LogMappers available = mappers.getIfAvailable();
        if (available == null) {
            errors.put("mappingFileId", "mapping files are not available in this build");
            return null;
        }
        List<LogFormat> candidates = request.format() != null ? List.of(request.format()) : List.copyOf(supported);
        String problem = "the destination takes none of the formats of this mapping file";
        for (LogFormat format : candidates) {
            try {
                available.mapper(request.mappingFileId(), format);
                return format;
            } catch (NotFoundException e) {
                errors.put("mappingFileId", "no mapping file '" + request.mappingFileId() + "'");
                return null;
            } catch (InvalidRequestException e) {
                problem = "the mapping file has no " + format + " section the destination could take";
            }
        }
        errors.put("mappingFileId", problem);
        return null;
    }

    private static AuditChanges changes(SiemMapping before, SiemMapping after) {
        return AuditChanges.of()
                .field("name", before == null ? null : before.name(), after == null ? null : after.name())
                .field("sourceConfigurationId", before == null ? null : before.sourceConfigurationId(),
                        after == null ? null : after.sourceConfigurationId())
                .field("businessRuleId", before == null ? null : before.businessRuleId(),
                        after == null ? null : after.businessRuleId())
                .field("destinationConfigurationId", before == null ? null : before.destinationConfigurationId(),
                        after == null ? null : after.destinationConfigurationId())
                .field("mappingFileId", before == null ? null : before.mappingFileId(),
                        after == null ? null : after.mappingFileId())
                .field("format", before == null ? null : before.format(), after == null ? null : after.format())
                .field("enabled", before == null ? null : before.enabled(), after == null ? null : after.enabled())
                .field("onRepeatedFailure", before == null ? null : describe(before.repeatedFailurePolicy()),
                        after == null ? null : describe(after.repeatedFailurePolicy()));
    }

    private static String describe(RepeatedFailurePolicy policy) {
        return policy.givesUp() ? policy.action() + " after " + policy.afterAttempts() + " attempts"
                : RepeatedFailurePolicy.Action.KEEP_RETRYING.name();
    }
}
