package io.cloudexchange.core.cte;

import io.cloudexchange.core.configurations.PluginConfiguration;
import io.cloudexchange.core.configurations.PluginConfigurationRepository;
import io.cloudexchange.core.logging.PlatformLog;
import io.cloudexchange.core.plugins.PluginRegistry;
import io.cloudexchange.core.runtime.MongoKeys;
import io.cloudexchange.core.runtime.PluginContexts;
import io.cloudexchange.plugin.api.Capability;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.cte.Indicator;
import io.cloudexchange.plugin.api.cte.ThreatIntelPlugin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retraction (when enabled in the CTE settings, every {@code retractionIntervalMinutes}): each source whose plugin
 * declares RETRACTION is asked which of its unretracted indicators it no longer vouches for; those are marked
 * retracted (per source and overall), and sharing then removes them from destinations that can delete.
 */
@Component
class SourceRetraction {

    static final int BATCH_SIZE = 500;
    private static final String LAST_RUN = "lastRetractionAt";

    private final MongoOperations mongo;
    private final CteSettingsStore settings;
    private final PluginConfigurationRepository configurations;
    private final PluginRegistry plugins;
    private final PluginContexts contexts;
    private final PlatformLog platformLog;
    private final Clock clock;

    SourceRetraction(MongoOperations mongo, CteSettingsStore settings, PluginConfigurationRepository configurations,
                     PluginRegistry plugins, PluginContexts contexts, PlatformLog platformLog, Clock clock) {
        this.mongo = mongo;
        this.settings = settings;
        this.configurations = configurations;
        this.plugins = plugins;
        this.contexts = contexts;
        this.platformLog = platformLog;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${cloudexchange.cte.retraction-tick:1m}",
            initialDelayString = "${cloudexchange.cte.retraction-tick:1m}")
    @SchedulerLock(name = "cte-retraction")
    void scheduled() {
        CteSettings current = settings.current();
        Document jobs = mongo.findById("jobs", Document.class, "cte_jobs");
        Instant last = jobs == null || jobs.getDate(LAST_RUN) == null ? Instant.EPOCH : jobs.getDate(LAST_RUN).toInstant();
        if (current.retractionEnabled()
                && !clock.instant().isBefore(last.plus(Duration.ofMinutes(current.retractionIntervalMinutes())))) {
            runAll();
            mongo.upsert(Query.query(Criteria.where("_id").is("jobs")), new Update().set(LAST_RUN, clock.instant()),
                    "cte_jobs");
        }
    }

    /** Asks every retracting source; returns how many indicators were retracted. */
    long runAll() {
        long retracted = 0;
        for (PluginConfiguration configuration : configurations.findByEnabledTrue()) {
            if (configuration.module() != PlatformModule.CTE) {
                continue;
            }
            var plugin = plugins.find(configuration.pluginId())
                    .filter(loaded -> loaded.descriptor().supports(Capability.RETRACTION))
                    .map(loaded -> loaded.plugin() instanceof ThreatIntelPlugin intel ? intel : null);
            if (plugin.isPresent()) {
                try {
                    retracted += run(configuration, plugin.get(), contexts.forConfiguration(configuration));
                } catch (RuntimeException e) {
                    platformLog.error(PlatformLog.configurationSource(configuration.id()), "CE-5104",
                            "Retraction check of '" + configuration.name() + "' failed; retried next interval", e);
                }
            }
        }
        return retracted;
    }

    private long run(PluginConfiguration configuration, ThreatIntelPlugin plugin, PluginContext context) {
        String source = "sources." + MongoKeys.escape(configuration.id()) + ".";
        String after = "";
        long retracted = 0;
        while (true) {
            Query page = Query.query(Criteria.where("sourceIds").is(configuration.id())
                            .and(source + "retracted").ne(true).and("_id").gt(after))
                    .with(Sort.by("_id")).limit(BATCH_SIZE);
            List<StoredIndicator> candidates = mongo.find(page, StoredIndicator.class);
            if (candidates.isEmpty()) {
                return retracted;
            }
            Map<String, StoredIndicator> byKey = candidates.stream()
                    .collect(Collectors.toMap(i -> i.type() + " " + i.value(), Function.identity(), (a, b) -> a));
            List<Indicator> gone = plugin.retractedIndicators(context,
                    candidates.stream().map(SharingRunner::toIndicator).toList());
            List<String> ids = gone.stream().map(i -> byKey.get(i.type() + " " + i.value()))
                    .filter(java.util.Objects::nonNull).map(StoredIndicator::id).toList();
            if (!ids.isEmpty()) {
                retracted += mongo.updateMulti(Query.query(Criteria.where("_id").in(ids)), new Update()
                        .set(source + "retracted", true).set("retracted", true).set("updatedAt", clock.instant()),
                        StoredIndicator.class).getModifiedCount();
            }
            after = candidates.get(candidates.size() - 1).id();
            if (candidates.size() < BATCH_SIZE) {
                return retracted;
            }
        }
    }
}
