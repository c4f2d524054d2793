package io.cloudexchange.core.cls.delivery;

import io.cloudexchange.core.api.NotFoundException;
import io.cloudexchange.core.cls.delivery.ClsCounters.Outcome;
import io.cloudexchange.core.cls.mapping.FieldProblems;
import io.cloudexchange.core.cls.mapping.LogMapper;
import io.cloudexchange.core.cls.mapping.LogMappers;
import io.cloudexchange.core.cls.mapping.LogMappingException;
import io.cloudexchange.core.cls.rules.BusinessRule;
import io.cloudexchange.core.cls.rules.BusinessRuleRepository;
import io.cloudexchange.core.cls.rules.BusinessRuleService;
import io.cloudexchange.core.cls.siem.RepeatedFailurePolicy;
import io.cloudexchange.core.cls.siem.SiemMapping;
import io.cloudexchange.core.cls.siem.SiemMappingRepository;
import io.cloudexchange.core.configurations.PluginConfiguration;
import io.cloudexchange.core.configurations.PluginConfigurationRepository;
import io.cloudexchange.core.logging.PlatformLog;
import io.cloudexchange.core.messaging.BatchMessage;
import io.cloudexchange.core.plugins.PluginRegistry;
import io.cloudexchange.core.runtime.PluginContexts;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.cls.DeliveryResult;
import io.cloudexchange.plugin.api.cls.FailedLog;
import io.cloudexchange.plugin.api.cls.LogDestinationPlugin;
import io.cloudexchange.plugin.api.cls.LogStream;
import io.cloudexchange.plugin.api.cls.MappedLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Delivers one queued batch of one SIEM mapping: filter with the business rule, map with the mapping
 * file, split by the destination's {@code maxBatchSize()}, deliver. Returns only when every record is
 * delivered or dead-lettered; transient failures are retried here with capped backoff (only the records
 * still failing), which holds up this destination's queue and no other.
 */
@Component
class BatchDelivery {

    static final String DELIVERY_FAILED = "CE-4001";
    static final String VALUES_REPLACED = "CE-4002";
    static final String DISCARDED = "CE-4003";
    private static final Logger log = LoggerFactory.getLogger(BatchDelivery.class);
    private static final int DEAD_LETTER_CHUNK = 1_000;

    private final SiemMappingRepository mappings;
    private final BusinessRuleRepository rules;
    private final BusinessRuleService ruleService;
    private final PluginConfigurationRepository configurations;
    private final PluginRegistry plugins;
    private final PluginContexts contexts;
    private final ObjectProvider<LogMappers> mappers;
    private final DeadLetterStore deadLetters;
    private final ClsCounters counters;
    private final PlatformLog platformLog;
    private final DeliveryBackoff backoff;
    private final DeliveryAttempts deliveryAttempts;
    private final Duration holdLimit;
    private final Clock clock;

    BatchDelivery(SiemMappingRepository mappings, BusinessRuleRepository rules, BusinessRuleService ruleService,
                  PluginConfigurationRepository configurations, PluginRegistry plugins, PluginContexts contexts,
                  ObjectProvider<LogMappers> mappers, DeadLetterStore deadLetters, ClsCounters counters,
                  PlatformLog platformLog, ClsProperties properties, DeliveryAttempts deliveryAttempts, Clock clock) {
        this.mappings = mappings;
        this.rules = rules;
        this.ruleService = ruleService;
        this.configurations = configurations;
        this.plugins = plugins;
        this.contexts = contexts;
        this.mappers = mappers;
        this.deadLetters = deadLetters;
        this.counters = counters;
        this.platformLog = platformLog;
        this.backoff = new DeliveryBackoff(properties.backoffInitial(), properties.backoffMax());
        this.holdLimit = properties.holdLimit();
        this.deliveryAttempts = deliveryAttempts;
        this.clock = clock;
    }

    /**
     * @throws HandBackException when the batch must go back to the queue (shutdown, or retried for longer than
     *     the hold limit); the caller must not acknowledge it then
     */
    void deliver(String destinationId, QueuedBatch queued, StopSignal stop) {
        Attempts attempts = new Attempts(stop, clock.instant());
        BatchMessage batch = queued.header();
        Optional<SiemMapping> found = mappings.findById(queued.mappingId());
        if (found.isEmpty()) {
            log.warn("SIEM mapping {} no longer exists; its queued batch {} for destination {} is not delivered",
                    queued.mappingId(), batch.batchId(), destinationId);
            return;
        }
        SiemMapping mapping = found.get();
        Target target = target(mapping, queued, attempts);
        if (target == null) {
            return;
        }
        LogMapper mapper = mapper(mapping, queued, attempts);
        if (mapper == null) {
            return;
        }
        Predicate<Map<String, Object>> rule = rule(mapping);
        List<Map<String, Object>> unmappable = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        int chunkSize = Math.max(1, target.plugin().maxBatchSize());
        Chunk chunk = new Chunk(chunkSize);
        long filtered = 0;
        ValueProblems valueProblems = new ValueProblems();
        RecordFields.Streams streams = new RecordFields.Streams(batch.stream());
        Iterator<Map<String, Object>> records = queued.records();
        while (records.hasNext()) {
            Map<String, Object> record = records.next();
            Map<String, Object> fields = RecordFields.fields(record);
            if (!rule.test(fields)) {
                filtered++;
                continue;
            }
            LogStream stream = streams.of(record);
            try {
                String payload = mapper.map(stream.type(), stream.subtype(), fields, valueProblems);
                chunk.add(new MappedLog(RecordFields.id(record), stream, mapping.format(), payload), record);
            } catch (LogMappingException | IllegalArgumentException e) {
                unmappable.add(record);
                reasons.add(e.getMessage());
            }
            if (chunk.size() == chunkSize) {
                deliverChunk(mapping, batch, target, chunk.logs, chunk.byId, attempts);
                chunk = new Chunk(chunkSize);
            }
        }
        if (chunk.size() > 0) {
            deliverChunk(mapping, batch, target, chunk.logs, chunk.byId, attempts);
        }
        counters.add(mapping.id(), Outcome.FILTERED_OUT, filtered);
        if (valueProblems.count > 0) {
            platformLog.warn(PlatformLog.configurationSource(mapping.sourceConfigurationId()), VALUES_REPLACED,
                    valueProblems.count + " values in a batch of SIEM mapping '" + mapping.name() + "' failed their"
                            + " transformation and were replaced by the default or left out (the records were sent);"
                            + " first: " + valueProblems.first + ". Check the mapping file.");
        }
        if (!unmappable.isEmpty()) {
            deadLetter(mapping, batch, unmappable, "cannot be mapped: " + reasons.get(0)
                    + (reasons.size() > 1 ? " (and " + (reasons.size() - 1) + " more)" : ""));
        }
        if (attempts.countedDurably) {
            deliveryAttempts.forget(mapping.id(), batch.batchId());
        }
        counters.lag(mapping.id(), batch.createdAt());
    }

    /** Up to one destination batch of mapped records, with the records they came from (for dead letters). */
    private static final class Chunk {
        private final List<MappedLog> logs;
        private final Map<String, Map<String, Object>> byId;

        Chunk(int capacity) {
            int expected = Math.min(capacity, 10_000);
            this.logs = new ArrayList<>(expected);
            this.byId = new HashMap<>(expected * 4 / 3 + 1);
        }

        void add(MappedLog mapped, Map<String, Object> record) {
            logs.add(mapped);
            byId.put(mapped.id(), record);
        }

        int size() {
            return logs.size();
        }
    }

    private void deliverChunk(SiemMapping mapping, BatchMessage batch, Target target, List<MappedLog> chunk,
                              Map<String, Map<String, Object>> byId, Attempts attempts) {
        List<MappedLog> pending = chunk;
        while (!pending.isEmpty()) {
            DeliveryResult result = call(target, pending);
            switch (result.status()) {
                case DELIVERED -> {
                    counters.add(mapping.id(), Outcome.SENT, pending.size());
                    return;
                }
                case REJECTED -> {
                    deadLetter(mapping, batch, records(pending, byId), "rejected by the destination: " + result.message());
                    return;
                }
                case PARTIAL -> {
                    Map<String, FailedLog> failed = new HashMap<>();
                    result.failed().forEach(failure -> failed.put(failure.id(), failure));
                    List<MappedLog> retry = new ArrayList<>();
                    Map<String, List<Map<String, Object>>> permanent = new LinkedHashMap<>();
                    for (MappedLog log : pending) {
                        FailedLog failure = failed.get(log.id());
                        if (failure == null) {
                            continue;
                        }
                        if (failure.retryable()) {
                            retry.add(log);
                        } else {
                            permanent.computeIfAbsent(failure.reason(), reason -> new ArrayList<>()).add(byId.get(log.id()));
                        }
                    }
                    int refused = retry.size() + permanent.values().stream().mapToInt(List::size).sum();
                    counters.add(mapping.id(), Outcome.SENT, pending.size() - refused);
                    permanent.forEach((reason, records) -> deadLetter(mapping, batch, records,
                            "refused by the destination: " + reason));
                    counters.add(mapping.id(), Outcome.FAILED, retry.size());
                    pending = retry;
                    if (!pending.isEmpty()) {
                        String reason = "records refused for now: " + result.message();
                        if (attempts.exhausted(mapping, batch)) {
                            giveUp(mapping, batch, records(pending, byId), attempts.durableFailures, reason);
                            return;
                        }
                        attempts.waitAfterFailure(null, target, reason);
                    }
                }
                case RETRY -> {
                    counters.add(mapping.id(), Outcome.FAILED, pending.size());
                    if (attempts.exhausted(mapping, batch)) {
                        giveUp(mapping, batch, records(pending, byId), attempts.durableFailures, result.message());
                        return;
                    }
                    attempts.waitAfterFailure(result.retryAfter(), target, result.message());
                }
            }
        }
    }

    private DeliveryResult call(Target target, List<MappedLog> logs) {
        try {
            return target.plugin().deliver(target.context(), List.copyOf(logs));
        } catch (RuntimeException e) {
            return DeliveryResult.retry(e.toString());
        }
    }

    private static List<Map<String, Object>> records(List<MappedLog> logs, Map<String, Map<String, Object>> byId) {
        return logs.stream().map(log -> byId.get(log.id())).toList();
    }

    private void deadLetter(SiemMapping mapping, BatchMessage batch, List<Map<String, Object>> records, String reason) {
        deadLetters.add(mapping, batch, records, reason);
        counters.add(mapping.id(), Outcome.DEAD_LETTERED, records.size());
        platformLog.warn(PlatformLog.configurationSource(mapping.destinationConfigurationId()), DELIVERY_FAILED,
                records.size() + " records of SIEM mapping '" + mapping.name() + "' were dead-lettered: " + reason);
    }

    /** The admin chose to stop retrying this mapping's batches after some attempts. */
    private void giveUp(SiemMapping mapping, BatchMessage batch, List<Map<String, Object>> records, int attempts,
                        String lastError) {
        String reason = "gave up after " + attempts + " attempts: " + lastError;
        if (mapping.repeatedFailurePolicy().action() == RepeatedFailurePolicy.Action.DEAD_LETTER) {
            deadLetter(mapping, batch, records, reason);
            return;
        }
        platformLog.error(PlatformLog.configurationSource(mapping.destinationConfigurationId()), DISCARDED,
                records.size() + " records of SIEM mapping '" + mapping.name() + "' (batch " + batch.batchId()
                        + ") were discarded, as its admin chose: " + reason, null);
        counters.add(mapping.id(), Outcome.DISCARDED, records.size());
    }

    /** Dead-letters every record of a batch still unread, a bounded number at a time. */
    private void deadLetterAll(SiemMapping mapping, QueuedBatch queued, String reason) {
        BatchMessage batch = queued.header();
        List<Map<String, Object>> records = new ArrayList<>();
        long total = 0;
        Iterator<Map<String, Object>> unread = queued.records();
        while (unread.hasNext()) {
            records.add(unread.next());
            if (records.size() == DEAD_LETTER_CHUNK || !unread.hasNext()) {
                deadLetters.add(mapping, batch, records, reason);
                counters.add(mapping.id(), Outcome.DEAD_LETTERED, records.size());
                total += records.size();
                records = new ArrayList<>();
            }
        }
        platformLog.warn(PlatformLog.configurationSource(mapping.destinationConfigurationId()), DELIVERY_FAILED,
                total + " records of SIEM mapping '" + mapping.name() + "' were dead-lettered: " + reason);
    }

    private Target target(SiemMapping mapping, QueuedBatch queued, Attempts attempts) {
        while (true) {
            Optional<PluginConfiguration> configuration = configurations.findById(mapping.destinationConfigurationId());
            if (configuration.isEmpty()) {
                // kept, replayable once the mapping points at an existing destination
                deadLetterAll(mapping, queued, "the destination configuration "
                        + mapping.destinationConfigurationId() + " no longer exists");
                return null;
            }
            Optional<LogDestinationPlugin> plugin = plugins.find(configuration.get().pluginId())
                    .map(loaded -> loaded.plugin())
                    .filter(LogDestinationPlugin.class::isInstance)
                    .map(LogDestinationPlugin.class::cast);
            if (plugin.isPresent()) {
                return new Target(configuration.get(), plugin.get(), contexts.forConfiguration(configuration.get()));
            }
            attempts.waitAfterFailure(null, null, "destination plugin " + configuration.get().pluginId() + " is not loaded");
        }
    }

    private Predicate<Map<String, Object>> rule(SiemMapping mapping) {
        BusinessRule rule = rules.findById(mapping.businessRuleId()).orElse(null);
        if (rule == null) {
            log.warn("Business rule {} of SIEM mapping {} no longer exists; shipping every record",
                    mapping.businessRuleId(), mapping.id());
            return fields -> true;
        }
        return ruleService.filter(rule);
    }

    private LogMapper mapper(SiemMapping mapping, QueuedBatch queued, Attempts attempts) {
        while (true) {
            LogMappers available = mappers.getIfAvailable();
            if (available != null) {
                try {
                    return available.mapper(mapping.mappingFileId(), mapping.format());
                } catch (NotFoundException | io.cloudexchange.core.api.InvalidRequestException e) {
                    deadLetterAll(mapping, queued, "mapping file unusable: " + e.getMessage());
                    return null;
                }
            }
            attempts.waitAfterFailure(null, null, "no mapping files in this build");
        }
    }

    private record Target(PluginConfiguration configuration, LogDestinationPlugin plugin, PluginContext context) {
    }

    /** The waits of one batch: capped exponential backoff, stopped by shutdown or the hold limit. */
    private final class Attempts {
        private final StopSignal stop;
        private final Instant heldSince;
        private int failures;
        private boolean countedDurably;
        private int durableFailures;

        Attempts(StopSignal stop, Instant heldSince) {
            this.stop = stop;
            this.heldSince = heldSince;
        }

        /** Counts a failed delivery call across redeliveries; true once the mapping's give-up point is reached. */
        boolean exhausted(SiemMapping mapping, BatchMessage batch) {
            RepeatedFailurePolicy policy = mapping.repeatedFailurePolicy();
            if (!policy.givesUp()) {
                return false;
            }
            countedDurably = true;
            durableFailures = deliveryAttempts.failed(mapping.id(), batch.batchId());
            return durableFailures >= policy.afterAttempts();
        }

        void waitAfterFailure(Duration hint, Target target, String reason) {
            failures++;
            Duration wait = backoff.before(failures, hint);
            if (failures == 1 || failures % 10 == 0) {
                String name = target == null ? "" : " '" + target.configuration().name() + "'";
                log.warn("Delivery to destination{} failed (attempt {}), retrying in {} ms: {}", name, failures,
                        wait.toMillis(), reason);
            }
            if (Duration.between(heldSince, clock.instant()).plus(wait).compareTo(holdLimit) > 0) {
                throw new HandBackException("retried for " + holdLimit + "; handing the batch back to its queue");
            }
            if (!stop.sleep(wait)) {
                throw new HandBackException("stopping");
            }
        }
    }

    /** Counts the values a mapper could not use in one batch, keeping the first for the platform log. */
    private static final class ValueProblems implements FieldProblems {

        private int count;
        private String first;

        @Override
        public void report(String target, String problem) {
            if (count++ == 0) {
                first = target + ": " + problem;
            }
        }
    }
}
