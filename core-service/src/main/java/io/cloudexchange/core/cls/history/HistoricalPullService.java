package io.cloudexchange.core.cls.history;

import io.cloudexchange.core.api.ConflictException;
import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.core.api.NotFoundException;
import io.cloudexchange.core.audit.AuditAction;
import io.cloudexchange.core.audit.AuditChanges;
import io.cloudexchange.core.audit.AuditLog;
import io.cloudexchange.core.cls.history.HistoricalPullJob.Status;
import io.cloudexchange.core.cls.siem.SiemMapping;
import io.cloudexchange.core.cls.siem.SiemMappingRepository;
import io.cloudexchange.core.configurations.PluginConfigurationRepository;
import io.cloudexchange.core.plugins.PluginRegistry;
import io.cloudexchange.plugin.api.cls.HistoricalLogSourcePlugin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
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
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/** Starts, lists and cancels historical pulls: every request validated field by field, every change audited. */
@Service
class HistoricalPullService {

    static final String AUDIT_TARGET = "cls_historical_pull";
    private static final int LISTED = 50;

    private final MongoOperations mongo;
    private final SiemMappingRepository mappings;
    private final PluginConfigurationRepository configurations;
    private final PluginRegistry plugins;
    private final HistoricalPullScheduler scheduler;
    private final HistoricalPullProperties properties;
    private final AuditLog auditLog;
    private final Clock clock;

    HistoricalPullService(MongoOperations mongo, SiemMappingRepository mappings,
                          PluginConfigurationRepository configurations, PluginRegistry plugins,
                          HistoricalPullScheduler scheduler, HistoricalPullProperties properties, AuditLog auditLog,
                          Clock clock) {
        this.mongo = mongo;
        this.mappings = mappings;
        this.configurations = configurations;
        this.plugins = plugins;
        this.scheduler = scheduler;
        this.properties = properties;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    HistoricalPullJob start(HistoricalPullRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<SiemMapping> mapping = Optional.empty();
        if (request.mappingId() == null || request.mappingId().isBlank()) {
            errors.put("mappingId", "is required");
        } else {
            mapping = mappings.findById(request.mappingId());
            if (mapping.isEmpty()) {
                errors.put("mappingId", "no SIEM mapping '" + request.mappingId() + "'");
            } else if (!mapping.get().enabled()) {
                errors.put("mappingId", "the SIEM mapping is disabled: enable it to pull history into it");
            } else {
                unsupportedReason(mapping.get()).ifPresent(reason -> errors.put("mappingId", reason));
            }
        }
        Instant now = clock.instant();
        Instant from = parse(request.from(), "from", errors);
        Instant to = parse(request.to(), "to", errors);
        if (from != null && from.isAfter(now)) {
            errors.put("from", "must not be in the future");
        }
        if (to != null && to.isAfter(now)) {
            errors.put("to", "must not be in the future");
        }
        if (from != null && to != null && !errors.containsKey("to")) {
            if (!from.isBefore(to)) {
                errors.put("to", "must be after from");
            } else if (Duration.between(from, to).compareTo(properties.maxRange()) > 0) {
                errors.put("to", "the range may span at most " + describe(properties.maxRange()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors, null);
        }
        String source = mapping.orElseThrow().sourceConfigurationId();
        if (mongo.exists(Query.query(Criteria.where("sourceConfigurationId").is(source).and("status")
                .is(Status.RUNNING)), HistoricalPullJob.class)) {
            throw new ConflictException("mappingId", "a historical pull of this mapping's source is running already:"
                    + " wait for it or cancel it");
        }
        HistoricalPullJob job = mongo.insert(new HistoricalPullJob(UUID.randomUUID().toString(),
                mapping.get().id(), source, from, to, Status.RUNNING, Map.of(), 0, 0, 0, from, 0, 0, null, null,
                actor(), now, now, null));
        auditLog.record(AuditAction.CREATE, AUDIT_TARGET, job.id(), AuditChanges.of()
                .field("mappingId", null, job.mappingId()).field("from", null, job.from().toString())
                .field("to", null, job.to().toString()));
        scheduler.runSoon(job.id());
        return job;
    }

    HistoricalPulls list(String mappingId) {
        SiemMapping mapping = mappings.findById(mappingId).orElseThrow(() -> new NotFoundException("SIEM mapping",
                mappingId));
        Optional<String> reason = unsupportedReason(mapping);
        List<HistoricalPullJob> jobs = mongo.find(Query.query(Criteria.where("mappingId").is(mappingId))
                .with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(LISTED), HistoricalPullJob.class);
        return new HistoricalPulls(mappingId, reason.isEmpty(), reason.orElse(null), jobs);
    }

    HistoricalPullJob get(String id) {
        return Optional.ofNullable(mongo.findById(id, HistoricalPullJob.class))
                .orElseThrow(() -> new NotFoundException("historical pull", id));
    }

    /** Stops a running job after the page it is on; what was pulled already is still delivered. */
    HistoricalPullJob cancel(String id) {
        HistoricalPullJob job = get(id);
        Instant now = clock.instant();
        boolean cancelled = mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is(Status.RUNNING)),
                new Update().set("status", Status.CANCELLED).set("updatedAt", now).set("finishedAt", now),
                HistoricalPullJob.class).getModifiedCount() > 0;
        if (!cancelled) {
            throw new ConflictException("status", "the historical pull is " + job.status() + ", not running");
        }
        auditLog.record(AuditAction.UPDATE, AUDIT_TARGET, id, AuditChanges.of()
                .field("status", job.status().name(), Status.CANCELLED.name()));
        return get(id);
    }

    private Optional<String> unsupportedReason(SiemMapping mapping) {
        var configuration = configurations.findById(mapping.sourceConfigurationId());
        if (configuration.isEmpty()) {
            return Optional.of("the mapping's source configuration no longer exists");
        }
        boolean historical = plugins.find(configuration.get().pluginId())
                .filter(plugin -> plugin.plugin() instanceof HistoricalLogSourcePlugin).isPresent();
        return historical ? Optional.empty()
                : Optional.of("the source '" + configuration.get().name() + "' cannot pull historical data");
    }

    private static Instant parse(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.put(field, "is required");
            return null;
        }
        String text = value.strip();
        try {
            return Instant.parse(text).truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.SECONDS);
            } catch (DateTimeParseException noOffset) {
                try {
                    return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
                } catch (DateTimeParseException e) {
                    errors.put(field, "is not an ISO-8601 date-time such as 2026-11-01T00:00:00Z");
                    return null;
                }
            }
        }
    }

    private static String describe(Duration duration) {
        long days = duration.toDays();
        return days > 0 && duration.equals(Duration.ofDays(days)) ? days + " days" : duration.toString();
    }

    private static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getName();
    }
}
