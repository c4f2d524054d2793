package io.cloudexchange.core.cls.history;

import io.cloudexchange.core.cls.history.HistoricalPullJob.Status;
import io.cloudexchange.core.cls.history.HistoricalPullJob.StreamProgress;
import io.cloudexchange.core.cls.siem.SiemMapping;
import io.cloudexchange.core.cls.siem.SiemMappingRepository;
import io.cloudexchange.core.configurations.PluginConfiguration;
import io.cloudexchange.core.configurations.PluginConfigurationRepository;
import io.cloudexchange.core.logging.PlatformLog;
import io.cloudexchange.core.messaging.BatchMessage;
import io.cloudexchange.core.messaging.BatchPublisher;
import io.cloudexchange.core.plugins.LoadedPlugin;
import io.cloudexchange.core.plugins.PluginRegistry;
import io.cloudexchange.core.pull.PullGate;
import io.cloudexchange.core.runtime.PluginContexts;
import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.cls.HistoricalLogSourcePlugin;
import io.cloudexchange.plugin.api.cls.HistoricalPage;
import io.cloudexchange.plugin.api.cls.HistoricalRange;
import io.cloudexchange.plugin.api.cls.LogStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One run of one historical pull job (the caller holds the source's lock): page after page per stream, each
 * page published as one batch addressed to the job's SIEM mapping, and the stream's checkpoint stored in the
 * job only after the broker confirmed the batch. A run ends when the job is done, cancelled, held back by
 * back-pressure, waiting on the source, or out of its time budget; the scheduler runs it again.
 */
@Component
class HistoricalPullRunner {

    static final String FAILED = "CE-4101";
    static final String REJECTED = "CE-4102";

    private static final TypeReference<Map<String, Object>> ITEM = new TypeReference<>() { };

    private final MongoOperations mongo;
    private final SiemMappingRepository mappings;
    private final PluginConfigurationRepository configurations;
    private final PluginRegistry plugins;
    private final PluginContexts contexts;
    private final BatchPublisher publisher;
    private final List<PullGate> gates;
    private final PlatformLog platformLog;
    private final JsonMapper json;
    private final HistoricalPullProperties properties;
    private final Clock clock;

    HistoricalPullRunner(MongoOperations mongo, SiemMappingRepository mappings,
                         PluginConfigurationRepository configurations, PluginRegistry plugins,
                         PluginContexts contexts, BatchPublisher publisher, List<PullGate> gates,
                         PlatformLog platformLog, JsonMapper json, HistoricalPullProperties properties, Clock clock) {
        this.mongo = mongo;
        this.mappings = mappings;
        this.configurations = configurations;
        this.plugins = plugins;
        this.contexts = contexts;
        this.publisher = publisher;
        this.gates = List.copyOf(gates);
        this.platformLog = platformLog;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    void run(String jobId) {
        HistoricalPullJob job = mongo.findById(jobId, HistoricalPullJob.class);
        if (job == null || job.status() != Status.RUNNING
                || (job.retryAt() != null && job.retryAt().isAfter(clock.instant()))) {
            return;
        }
        String logSource = PlatformLog.configurationSource(job.sourceConfigurationId());
        try {
            Optional<SiemMapping> mapping = mappings.findById(job.mappingId());
            Optional<PluginConfiguration> configuration = configurations.findById(job.sourceConfigurationId());
            if (mapping.isEmpty() || configuration.isEmpty()) {
                finish(job, Status.CANCELLED, mapping.isEmpty() ? "the SIEM mapping was deleted"
                        : "the source configuration was deleted");
                return;
            }
            LoadedPlugin plugin = plugins.find(configuration.get().pluginId())
                    .filter(loaded -> loaded.plugin() instanceof HistoricalLogSourcePlugin)
                    .orElseThrow(() -> new IllegalStateException("the source's plugin cannot pull historical data"));
            pull(job, configuration.get(), plugin);
        } catch (RuntimeException e) {
            failed(job, e);
            platformLog.error(logSource, FAILED, "Historical pull " + job.id() + " failed: " + e.getMessage(), e);
        }
    }

    private void pull(HistoricalPullJob job, PluginConfiguration configuration, LoadedPlugin loaded) {
        HistoricalLogSourcePlugin plugin = (HistoricalLogSourcePlugin) loaded.plugin();
        PluginContext context = contexts.forConfiguration(configuration);
        HistoricalRange range = new HistoricalRange(job.id(), job.from(), job.to());
        List<LogStream> streams = plugin.streams(context);
        Map<String, StreamProgress> progress = new HashMap<>(job.streams());
        Instant deadline = clock.instant().plus(properties.runBudget());
        for (LogStream stream : streams) {
            StreamProgress current = progress.getOrDefault(slot(stream),
                    new StreamProgress(Map.of(), job.from(), false));
            while (!current.done()) {
                if (!mayPull(job.sourceConfigurationId())) {
                    return;
                }
                HistoricalPage page = plugin.pullHistorical(context, stream, range,
                        new Checkpoint(current.checkpoint()));
                if (!page.page().items().isEmpty()) {
                    publisher.publish(batch(job, loaded, stream, page));
                }
                logRejected(job, stream, page);
                current = new StreamProgress(page.page().next().values(),
                        page.position() == null ? current.position() : page.position(), page.done());
                progress.put(slot(stream), current);
                if (!saveProgress(job, slot(stream), current, page, percent(job, streams, progress),
                        slowest(job, streams, progress))) {
                    return;
                }
                if (!current.done() && (!page.page().hasMore() || !clock.instant().isBefore(deadline))) {
                    return;
                }
            }
        }
        finish(job, Status.COMPLETED, null);
    }

    private BatchMessage batch(HistoricalPullJob job, LoadedPlugin plugin, LogStream stream, HistoricalPage page) {
        List<Map<String, Object>> items = page.page().items().stream().map(item -> json.convertValue(item, ITEM))
                .toList();
        return new BatchMessage(UUID.randomUUID().toString(), PlatformModule.CLS, job.sourceConfigurationId(),
                plugin.id(), stream.key(), BatchMessage.Kind.LOGS, clock.instant(), items, job.mappingId());
    }

    /** @return false when the job is no longer running (cancelled meanwhile): the run stops */
    private boolean saveProgress(HistoricalPullJob job, String streamKey, StreamProgress progress,
                                 HistoricalPage page, int percent, Instant position) {
        Update update = new Update().set("streams." + streamKey, progress)
                .inc("pages", 1).inc("records", page.page().items().size())
                .inc("rejected", page.page().rejected().size())
                .set("percent", percent).set("position", position).set("failures", 0).set("retryAt", null)
                .set("updatedAt", clock.instant());
        return mongo.updateFirst(running(job.id()), update, HistoricalPullJob.class).getModifiedCount() > 0;
    }

    private void finish(HistoricalPullJob job, Status status, String error) {
        Instant now = clock.instant();
        Update update = new Update().set("status", status).set("updatedAt", now).set("finishedAt", now);
        if (status == Status.COMPLETED) {
            update.set("percent", 100).set("position", job.to());
        }
        if (error != null) {
            update.set("lastError", error);
        }
        mongo.updateFirst(running(job.id()), update, HistoricalPullJob.class);
    }

    private void failed(HistoricalPullJob job, RuntimeException e) {
        HistoricalPullJob current = Optional.ofNullable(mongo.findById(job.id(), HistoricalPullJob.class)).orElse(job);
        int failures = current.failures() + 1;
        String error = String.valueOf(e.getMessage());
        if (failures >= properties.maxFailures()) {
            mongo.updateFirst(running(job.id()), new Update().set("failures", failures), HistoricalPullJob.class);
            finish(job, Status.FAILED, error);
            return;
        }
        long factor = 1L << Math.min(failures - 1, 20);
        Duration wait = properties.retryInitial().multipliedBy(factor);
        wait = wait.compareTo(properties.retryMax()) > 0 ? properties.retryMax() : wait;
        mongo.updateFirst(running(job.id()), new Update().set("failures", failures).set("lastError", error)
                .set("retryAt", clock.instant().plus(wait)).set("updatedAt", clock.instant()), HistoricalPullJob.class);
    }

    private void logRejected(HistoricalPullJob job, LogStream stream, HistoricalPage page) {
        if (!page.page().rejected().isEmpty()) {
            platformLog.warn(PlatformLog.configurationSource(job.sourceConfigurationId()), REJECTED, "Historical pull "
                    + job.id() + " skipped " + page.page().rejected().size() + " malformed records of stream "
                    + stream.key() + ", e.g. '" + page.page().rejected().get(0).value() + "': "
                    + page.page().rejected().get(0).reason());
        }
    }

    private boolean mayPull(String sourceConfigurationId) {
        return gates.stream().allMatch(gate -> gate.mayPull(sourceConfigurationId));
    }

    /** A stream's key in the job's {@code streams} document: MongoDB field names hold no dots and no leading $. */
    static String slot(LogStream stream) {
        return stream.key().replace('.', '_').replace('$', '_');
    }

    private static Query running(String jobId) {
        return Query.query(Criteria.where("_id").is(jobId).and("status").is(Status.RUNNING));
    }

    /** Share of the range read, averaged over the streams. */
    static int percent(HistoricalPullJob job, List<LogStream> streams, Map<String, StreamProgress> progress) {
        if (streams.isEmpty()) {
            return 100;
        }
        double span = Math.max(1, Duration.between(job.from(), job.to()).toSeconds());
        double sum = 0;
        for (LogStream stream : streams) {
            StreamProgress current = progress.get(slot(stream));
            if (current == null) {
                continue;
            }
            sum += current.done() ? 1 : Math.min(1, Math.max(0,
                    Duration.between(job.from(), current.position()).toSeconds() / span));
        }
        return (int) Math.floor(100 * sum / streams.size());
    }

    private static Instant slowest(HistoricalPullJob job, List<LogStream> streams,
                                   Map<String, StreamProgress> progress) {
        return streams.stream()
                .map(stream -> progress.get(slot(stream)))
                .map(current -> current == null ? job.from() : current.done() ? job.to() : current.position())
                .min(Instant::compareTo).orElse(job.to());
    }
}
