package io.cloudexchange.core.cte;

import io.cloudexchange.core.configurations.PluginConfiguration;
import io.cloudexchange.core.configurations.PluginConfigurationRepository;
import io.cloudexchange.core.logging.PlatformLog;
import io.cloudexchange.core.plugins.LoadedPlugin;
import io.cloudexchange.core.plugins.PluginRegistry;
import io.cloudexchange.core.runtime.PluginContexts;
import io.cloudexchange.plugin.api.Capability;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PushResult;
import io.cloudexchange.plugin.api.RejectedItem;
import io.cloudexchange.plugin.api.cte.Indicator;
import io.cloudexchange.plugin.api.cte.ThreatIntelPlugin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One run of a sharing configuration: pushes, in batches and in ({@code updatedAt}, {@code _id}) order, the
 * indicators of its sources that changed after its high-water mark and that its rule matches; asks the destination
 * to remove (retract) those it shared earlier that are now inactive, retracted or no longer matching, when the
 * destination declares DELETE or RETRACTION. Indicators changed in the last {@link #SETTLE} are left for the next
 * run, so a write still in flight with an older {@code updatedAt} is not passed by the mark.
 */
@Component
class SharingRunner {

    static final int BATCH_SIZE = 500;
    static final Duration SETTLE = Duration.ofSeconds(2);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    static final Duration MAX_BACKOFF = Duration.ofHours(1);
    static final String INVALID_TAG = "invalid";

    private final MongoOperations mongo;
    private final BusinessRules rules;
    private final PluginConfigurationRepository configurations;
    private final PluginRegistry plugins;
    private final PluginContexts contexts;
    private final PlatformLog platformLog;
    private final Clock clock;

    SharingRunner(MongoOperations mongo, BusinessRules rules, PluginConfigurationRepository configurations,
                  PluginRegistry plugins, PluginContexts contexts, PlatformLog platformLog, Clock clock) {
        this.mongo = mongo;
        this.rules = rules;
        this.configurations = configurations;
        this.plugins = plugins;
        this.contexts = contexts;
        this.platformLog = platformLog;
        this.clock = clock;
    }

    /** Runs the sharing if it is enabled and not waiting out a backoff; returns its status afterwards. */
    SharingConfiguration.Status run(String sharingId) {
        SharingConfiguration sharing = mongo.findById(sharingId, SharingConfiguration.class);
        if (sharing == null || !sharing.enabled()) {
            return sharing == null ? null : sharing.status();
        }
        Instant now = clock.instant();
        SharingConfiguration.Status status = sharing.status();
        if (status.nextAttemptAt() != null && now.isBefore(status.nextAttemptAt())) {
            return status;
        }
        BusinessRule rule = mongo.findById(sharing.ruleId(), BusinessRule.class);
        if (rule == null || rule.muted()) {
            return save(sharing, new SharingConfiguration.Status(SharingConfiguration.State.OK, status.markUpdatedAt(),
                    status.markId(), status.shared(), status.rejected(), status.retracted(), now,
                    status.lastSuccessAt(), rule == null ? "the business rule was deleted" : null, 0, null));
        }
        Progress progress = new Progress(status);
        try {
            Destination destination = destination(sharing);
            share(sharing, rule, destination, now.minus(SETTLE), progress);
            if (destination.plugin().descriptor().supports(Capability.DELETE)
                    || destination.plugin().descriptor().supports(Capability.RETRACTION)) {
                retract(sharing, rule, destination, progress);
            }
            return save(sharing, progress.succeeded(now));
        } catch (PushFailed e) {
            platformLog.warn(source(sharing), "CE-5101", "Sharing '" + sharing.name() + "' failed: " + e.getMessage()
                    + (e.retryable ? "; retrying with backoff" : ""));
            return save(sharing, progress.failed(now, e.getMessage(), e.retryable));
        } catch (RuntimeException e) {
            platformLog.error(source(sharing), "CE-5102", "Sharing '" + sharing.name() + "' failed", e);
            return save(sharing, progress.failed(now, e.toString(), true));
        }
    }

    private void share(SharingConfiguration sharing, BusinessRule rule, Destination destination, Instant until,
                       Progress progress) {
        while (true) {
            List<Document> and = new ArrayList<>(List.of(rules.matching(rule),
                    new Document("sourceIds", new Document("$in", sharing.sourceConfigurationIds())),
                    new Document("invalidFor", new Document("$ne", sharing.id())),
                    new Document("updatedAt", new Document("$lte", Date.from(until)))));
            if (progress.markUpdatedAt != null) {
                Date mark = Date.from(progress.markUpdatedAt);
                and.add(new Document("$or", List.of(new Document("updatedAt", new Document("$gt", mark)),
                        new Document("updatedAt", mark).append("_id", new Document("$gt", progress.markId)))));
            }
            Query query = new BasicQuery(new Document("$and", and))
                    .with(Sort.by("updatedAt").and(Sort.by("_id"))).limit(BATCH_SIZE);
            List<StoredIndicator> batch = mongo.find(query, StoredIndicator.class);
            if (batch.isEmpty()) {
                return;
            }
            PushResult result = destination.plugin().push(destination.context(),
                    batch.stream().map(SharingRunner::toIndicator).toList(), sharing.action());
            if (!result.success()) {
                throw new PushFailed(result.message(), result.retryable());
            }
            Set<String> rejected = new HashSet<>();
            for (RejectedItem item : result.rejected()) {
                rejected.add(item.value());
            }
            List<String> accepted = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            for (StoredIndicator indicator : batch) {
                (rejected.contains(indicator.value()) ? refused : accepted).add(indicator.id());
            }
            if (!accepted.isEmpty()) {
                mongo.updateMulti(Query.query(Criteria.where("_id").in(accepted)),
                        new Update().addToSet("sharedWith", sharing.id()), StoredIndicator.class);
            }
            if (!refused.isEmpty()) {
                mongo.updateMulti(Query.query(Criteria.where("_id").in(refused)),
                        new Update().addToSet("tags", INVALID_TAG).addToSet("invalidFor", sharing.id()),
                        StoredIndicator.class);
                result.rejected().forEach(item -> platformLog.warn(source(sharing), "CE-5103", "Destination of sharing '"
                        + sharing.name() + "' refused " + item.value() + ": " + item.reason() + " (tagged invalid)"));
            }
            StoredIndicator last = batch.get(batch.size() - 1);
            progress.pushed(last.updatedAt(), last.id(), accepted.size(), refused.size());
            if (batch.size() < BATCH_SIZE) {
                return;
            }
        }
    }

    /** Removes from the destination what it holds from this sharing but should no longer hold. */
    private void retract(SharingConfiguration sharing, BusinessRule rule, Destination destination, Progress progress) {
        while (true) {
            Document shouldNotHold = new Document("$and", List.of(new Document("sharedWith", sharing.id()),
                    new Document("$nor", List.of(rules.matching(rule)))));
            List<StoredIndicator> batch = mongo.find(new BasicQuery(shouldNotHold).with(Sort.by("_id"))
                    .limit(BATCH_SIZE), StoredIndicator.class);
            if (batch.isEmpty()) {
                return;
            }
            PushResult result = destination.plugin().retract(destination.context(),
                    batch.stream().map(SharingRunner::toIndicator).toList(), sharing.action());
            if (!result.success()) {
                throw new PushFailed("retraction: " + result.message(), result.retryable());
            }
            mongo.updateMulti(Query.query(Criteria.where("_id").in(batch.stream().map(StoredIndicator::id).toList())),
                    new Update().pull("sharedWith", sharing.id()), StoredIndicator.class);
            progress.retracted(batch.size());
            if (batch.size() < BATCH_SIZE) {
                return;
            }
        }
    }

    private Destination destination(SharingConfiguration sharing) {
        PluginConfiguration configuration = configurations.findById(sharing.destinationConfigurationId())
                .orElseThrow(() -> new PushFailed("the destination configuration was deleted", false));
        LoadedPlugin loaded = plugins.find(configuration.pluginId())
                .orElseThrow(() -> new PushFailed("plugin " + configuration.pluginId() + " is not installed", false));
        if (!(loaded.plugin() instanceof ThreatIntelPlugin plugin) || !loaded.descriptor().supports(Capability.PUSH)) {
            throw new PushFailed("plugin " + configuration.pluginId() + " cannot push indicators", false);
        }
        return new Destination(plugin, contexts.forConfiguration(configuration));
    }

    static Indicator toIndicator(StoredIndicator stored) {
        return new Indicator(stored.value(), stored.type(), stored.severity(), stored.reputation(), stored.tags(),
                stored.firstSeen(), stored.lastSeen(), stored.expiresAt(), stored.comments(), null);
    }

    private SharingConfiguration.Status save(SharingConfiguration sharing, SharingConfiguration.Status status) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(sharing.id())), new Update().set("status", status),
                SharingConfiguration.class);
        return status;
    }

    private static String source(SharingConfiguration sharing) {
        return "sharing:" + sharing.id();
    }

    private record Destination(ThreatIntelPlugin plugin, PluginContext context) {
    }

    private static final class PushFailed extends RuntimeException {
        private final boolean retryable;

        PushFailed(String message, boolean retryable) {
            super(message);
            this.retryable = retryable;
        }
    }

    /** What a run achieved so far; a failed run keeps the mark of its last pushed batch. */
    private static final class Progress {
        private final SharingConfiguration.Status start;
        private Instant markUpdatedAt;
        private String markId;
        private long shared;
        private long rejected;
        private long retracted;

        Progress(SharingConfiguration.Status start) {
            this.start = start;
            this.markUpdatedAt = start.markUpdatedAt();
            this.markId = start.markId();
            this.shared = start.shared();
            this.rejected = start.rejected();
            this.retracted = start.retracted();
        }

        void pushed(Instant updatedAt, String id, int accepted, int refused) {
            markUpdatedAt = updatedAt;
            markId = id;
            shared += accepted;
            rejected += refused;
        }

        void retracted(int count) {
            retracted += count;
        }

        SharingConfiguration.Status succeeded(Instant now) {
            return new SharingConfiguration.Status(SharingConfiguration.State.OK, markUpdatedAt, markId, shared,
                    rejected, retracted, now, now, null, 0, null);
        }

        SharingConfiguration.Status failed(Instant now, String error, boolean retryable) {
            int failures = start.failures() + 1;
            long factor = 1L << Math.min(failures - 1, 20);
            Duration wait = retryable ? FIRST_BACKOFF.multipliedBy(factor) : MAX_BACKOFF;
            wait = wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
            return new SharingConfiguration.Status(retryable ? SharingConfiguration.State.RETRYING
                    : SharingConfiguration.State.FAILED, markUpdatedAt, markId, shared, rejected, retracted, now,
                    start.lastSuccessAt(), error, failures, now.plus(wait));
        }
    }
}
