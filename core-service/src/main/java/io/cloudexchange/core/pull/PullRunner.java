package io.cloudexchange.core.pull;

import io.cloudexchange.core.config.CloudExchangeProperties;
import io.cloudexchange.core.configurations.PluginConfiguration;
import io.cloudexchange.core.logging.PlatformLog;
import io.cloudexchange.core.messaging.BatchMessage;
import io.cloudexchange.core.messaging.BatchPublishException;
import io.cloudexchange.core.messaging.BatchPublisher;
import io.cloudexchange.core.messaging.PulledItems;
import io.cloudexchange.core.plugins.LoadedPlugin;
import io.cloudexchange.core.runtime.PluginContexts;
import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.RejectedItem;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.util.CustomizableThreadCreator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one pull of one configuration: page after page per stream, one batch per page, and a
 * stream's checkpoint stored only after the broker confirmed the page's batch. A configuration's
 * streams (e.g. its Log Shipper alert and event types) each have their own checkpoint, so up to
 * {@code streamsInParallel} of them are pulled at the same time, each still strictly page after page;
 * a stream that fails does not stop the others, and the run fails (and backs off) if any stream did.
 */
@Component
class PullRunner implements DisposableBean {

    static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private static final int MAX_REJECTIONS_LOGGED_PER_PAGE = 20;

    private final PluginContexts contexts;
    private final BatchPublisher publisher;
    private final PullStateStore states;
    private final PlatformLog platformLog;
    private final PullMetrics metrics;
    private final JsonMapper json;
    private final Clock clock;
    private final int maxPagesPerRun;
    private final int streamsInParallel;
    private final List<PullGate> gates;
    private final ExecutorService streamThreads;

    PullRunner(PluginContexts contexts, BatchPublisher publisher, PullStateStore states, PlatformLog platformLog,
               PullMetrics metrics, JsonMapper json, Clock clock, CloudExchangeProperties properties,
               List<PullGate> gates) {
        this.gates = List.copyOf(gates);
        this.contexts = contexts;
        this.publisher = publisher;
        this.states = states;
        this.platformLog = platformLog;
        this.metrics = metrics;
        this.json = json;
        this.clock = clock;
        this.maxPagesPerRun = properties.scheduler().maxPagesPerRun();
        this.streamsInParallel = Math.max(1, properties.scheduler().streamsInParallel());
        CustomizableThreadCreator names = new CustomizableThreadCreator("pull-stream-");
        // at most streamsInParallel - 1 threads per running pull, and pulls are bounded by the scheduler's pool
        this.streamThreads = Executors.newCachedThreadPool(names::createThread);
    }

    void run(PluginConfiguration configuration, LoadedPlugin plugin) {
        String id = configuration.id();
        String source = PlatformLog.configurationSource(id);
        Tags tags = Tags.of("module", configuration.module().name(), "plugin", plugin.id());
        int previousFailures = states.find(id).consecutiveFailures();
        Instant startedAt = clock.instant();
        states.started(id, new PullStatus(startedAt, null, PullStatus.State.RUNNING, 0, 0, "Running"));
        Tally tally = new Tally();
        List<StreamFailure> failures;
        try {
            var context = contexts.forConfiguration(configuration);
            failures = pullStreams(configuration, plugin, PullStreams.of(configuration.module(), plugin.plugin(),
                    context), tally, tags);
        } catch (RuntimeException e) {
            failures = List.of(new StreamFailure(null, e));
        }
        Instant finishedAt = clock.instant();
        if (failures.isEmpty()) {
            Instant nextRunAt = tally.backlog() ? finishedAt : finishedAt.plusSeconds(configuration.pollIntervalSeconds());
            states.finished(id, new PullStatus(startedAt, finishedAt, PullStatus.State.SUCCESS, tally.items(),
                    tally.rejected(), "Pulled " + tally.items() + " items in " + tally.pages() + " pages"), nextRunAt, 0);
            metrics.run(tags, "success", Duration.between(startedAt, finishedAt));
            return;
        }
        for (StreamFailure failure : failures) {
            boolean brokerFailed = failure.cause() instanceof BatchPublishException;
            platformLog.error(source, brokerFailed ? PullErrorCodes.PUBLISH_FAILED : PullErrorCodes.PULL_FAILED,
                    (brokerFailed ? "Pulled data could not be queued, it will be pulled again: " : "Pull failed: ")
                            + failure.describe(), failure.cause());
        }
        int consecutive = previousFailures + 1;
        String message = failures.size() == 1 ? failures.get(0).describe()
                : failures.stream().map(StreamFailure::describe).collect(Collectors.joining("; "));
        states.finished(id, new PullStatus(startedAt, finishedAt, PullStatus.State.FAILED, tally.items(),
                tally.rejected(), message), finishedAt.plus(backoff(configuration.pollIntervalSeconds(), consecutive)),
                consecutive);
        metrics.failure(tags);
        metrics.run(tags, "failure", Duration.between(startedAt, finishedAt));
    }

    /**
     * Pulls every stream, up to {@link #streamsInParallel} at once: this thread and helpers from
     * {@link #streamThreads} take the next stream not pulled yet until none is left.
     *
     * @return the streams that failed
     */
    private List<StreamFailure> pullStreams(PluginConfiguration configuration, LoadedPlugin plugin,
                                            List<PullStream> streams, Tally tally, Tags tags) {
        Queue<PullStream> pending = new ConcurrentLinkedQueue<>(streams);
        List<StreamFailure> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean stopping = new AtomicBoolean();
        boolean named = streams.size() > 1;
        Runnable worker = () -> {
            PullStream stream;
            while (!stopping.get() && (stream = pending.poll()) != null) {
                try {
                    pullStream(configuration, plugin, stream, tally, tags, stopping);
                } catch (RuntimeException e) {
                    failures.add(new StreamFailure(named ? stream.key() : null, e));
                }
            }
        };
        List<Future<?>> helpers = new ArrayList<>();
        for (int i = 1; i < Math.min(streamsInParallel, streams.size()); i++) {
            helpers.add(streamThreads.submit(worker));
        }
        worker.run();
        for (Future<?> helper : helpers) {
            try {
                helper.get();
            } catch (InterruptedException e) {
                stopping.set(true);
                helpers.forEach(other -> other.cancel(true));
                Thread.currentThread().interrupt();
                failures.add(new StreamFailure(null, new IllegalStateException("interrupted", e)));
                break;
            } catch (ExecutionException | CancellationException e) {
                failures.add(new StreamFailure(null, new IllegalStateException(e.getCause() == null ? e : e.getCause())));
            }
        }
        return List.copyOf(failures);
    }

    @Override
    public void destroy() {
        streamThreads.shutdownNow();
    }

    /** Poll interval × 2^failures, at most {@link #MAX_BACKOFF}. */
    static Duration backoff(int pollIntervalSeconds, int failures) {
        long factor = 1L << Math.min(failures, 20);
        long seconds = Math.min((long) pollIntervalSeconds * factor, MAX_BACKOFF.toSeconds());
        return Duration.ofSeconds(seconds);
    }

    private void pullStream(PluginConfiguration configuration, LoadedPlugin plugin, PullStream stream, Tally tally,
                            Tags tags, AtomicBoolean stopping) {
        Checkpoint checkpoint = states.checkpoint(configuration.id(), stream.key());
        PullPage<?> page;
        int pages = 0;
        do {
            page = stream.pull().apply(checkpoint);
            logRejected(configuration, stream, page.rejected());
            if (!page.items().isEmpty()) {
                publisher.publish(batch(configuration, plugin, stream, page));
            }
            states.saveCheckpoint(configuration.id(), stream.key(), page.next());
            checkpoint = page.next();
            pages++;
            tally.add(page);
            metrics.page(tags, page.items().size(), page.rejected().size());
        } while (page.hasMore() && pages < maxPagesPerRun && !stopping.get() && mayPull(configuration.id()));
        tally.backlog(page.hasMore());
    }

    private boolean mayPull(String configurationId) {
        return gates.stream().allMatch(gate -> gate.mayPull(configurationId));
    }

    private BatchMessage batch(PluginConfiguration configuration, LoadedPlugin plugin, PullStream stream,
                               PullPage<?> page) {
        List<Map<String, Object>> items = PulledItems.of(page.items(), json);
        return new BatchMessage(UUID.randomUUID().toString(), configuration.module(), configuration.id(), plugin.id(),
                stream.key(), stream.kind(), clock.instant(), items);
    }

    private void logRejected(PluginConfiguration configuration, PullStream stream, List<RejectedItem> rejected) {
        String source = PlatformLog.configurationSource(configuration.id());
        rejected.stream().limit(MAX_REJECTIONS_LOGGED_PER_PAGE).forEach(item -> platformLog.warn(source,
                PullErrorCodes.ITEM_REJECTED, "Skipped a record of stream " + stream.key() + " ('" + item.value()
                        + "'): " + item.reason()));
        if (rejected.size() > MAX_REJECTIONS_LOGGED_PER_PAGE) {
            platformLog.warn(source, PullErrorCodes.ITEM_REJECTED, "Skipped " + (rejected.size()
                    - MAX_REJECTIONS_LOGGED_PER_PAGE) + " more records of stream " + stream.key() + " in the same page");
        }
    }

    /** A stream that failed ({@code stream} null when the run has a single stream or failed as a whole). */
    private record StreamFailure(String stream, RuntimeException cause) {

        String describe() {
            String message = String.valueOf(cause.getMessage());
            return stream == null ? message : "stream " + stream + ": " + message;
        }
    }

    /** Counts of one run across its streams, which may be pulled by several threads. */
    private static final class Tally {
        private long items;
        private long rejected;
        private long pages;
        private boolean backlog;

        synchronized void add(PullPage<?> page) {
            items += page.items().size();
            rejected += page.rejected().size();
            pages++;
        }

        synchronized void backlog(boolean more) {
            backlog |= more;
        }

        synchronized long items() {
            return items;
        }

        synchronized long rejected() {
            return rejected;
        }

        synchronized long pages() {
            return pages;
        }

        synchronized boolean backlog() {
            return backlog;
        }
    }
}
