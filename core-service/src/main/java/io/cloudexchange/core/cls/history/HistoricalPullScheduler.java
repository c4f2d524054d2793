package io.cloudexchange.core.cls.history;

import io.cloudexchange.core.cls.history.HistoricalPullJob.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.CustomizableThreadCreator;

/**
 * Runs the RUNNING historical pull jobs, on every node, each {@code cloudexchange.cls.history.tick}: so a job
 * resumes by itself after a restart, a wait or back-pressure. A run holds the cluster-wide lock
 * {@code cls-history:<sourceConfigurationId>}, so at most one job per source pulls at a time anywhere.
 */
@Component
class HistoricalPullScheduler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HistoricalPullScheduler.class);

    private final MongoOperations mongo;
    private final HistoricalPullRunner runner;
    private final LockingTaskExecutor locks;
    private final Duration lockAtMostFor;
    private final ThreadPoolExecutor pool;
    private final Set<String> queued = ConcurrentHashMap.newKeySet();

    HistoricalPullScheduler(MongoOperations mongo, HistoricalPullRunner runner, LockProvider lockProvider,
                            HistoricalPullProperties properties) {
        this.mongo = mongo;
        this.runner = runner;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.lockAtMostFor = properties.lockAtMostFor();
        int threads = Math.max(1, properties.threads());
        CustomizableThreadCreator names = new CustomizableThreadCreator("cls-history-");
        this.pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(threads * 8), names::createThread, new ThreadPoolExecutor.AbortPolicy());
    }

    @Scheduled(fixedDelayString = "${cloudexchange.cls.history.tick:2s}")
    void tick() {
        try {
            mongo.find(Query.query(Criteria.where("status").is(Status.RUNNING)), HistoricalPullJob.class)
                    .forEach(job -> submit(job.id(), job.sourceConfigurationId()));
        } catch (RuntimeException e) {
            log.warn("Could not look for historical pulls, retrying at the next tick: {}", e.toString());
        }
    }

    /** Runs the job soon on this node (it waits for the source's lock like any run). */
    void runSoon(String jobId) {
        HistoricalPullJob job = mongo.findById(jobId, HistoricalPullJob.class);
        if (job != null) {
            submit(job.id(), job.sourceConfigurationId());
        }
    }

    private void submit(String jobId, String sourceConfigurationId) {
        if (!queued.add(jobId)) {
            return;
        }
        try {
            pool.execute(() -> {
                try {
                    locks.executeWithLock((Runnable) () -> runner.run(jobId), new LockConfiguration(Instant.now(),
                            "cls-history:" + sourceConfigurationId, lockAtMostFor, Duration.ZERO));
                } catch (RuntimeException e) {
                    log.warn("Historical pull {} could not run: {}", jobId, e.toString());
                } finally {
                    queued.remove(jobId);
                }
            });
        } catch (RejectedExecutionException busy) {
            queued.remove(jobId);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }
}
