package io.cloudexchange.core.cte;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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

/**
 * Runs every enabled sharing configuration each {@code cloudexchange.cte.sharing-interval} (default 30 s), and one
 * at once when it is created or synced. A run holds the cluster-wide lock {@code cte-sharing:<id>}, so a sharing
 * never runs twice at the same time on any node.
 */
@Component
class SharingScheduler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SharingScheduler.class);
    private static final Duration LOCK_AT_MOST_FOR = Duration.ofMinutes(30);

    private final MongoOperations mongo;
    private final SharingRunner runner;
    private final LockingTaskExecutor locks;
    private final ScheduledExecutorService pool = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cte-sharing");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> queued = ConcurrentHashMap.newKeySet();

    SharingScheduler(MongoOperations mongo, SharingRunner runner, LockProvider lockProvider) {
        this.mongo = mongo;
        this.runner = runner;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
    }

    @Scheduled(fixedDelayString = "${cloudexchange.cte.sharing-interval:30s}",
            initialDelayString = "${cloudexchange.cte.sharing-interval:30s}")
    void tick() {
        mongo.find(Query.query(Criteria.where("enabled").is(true)), SharingConfiguration.class)
                .forEach(sharing -> runSoon(sharing.id()));
    }

    /**
     * Queues a run of the sharing unless one is queued already. It starts once {@link SharingRunner#SETTLE} has
     * passed, so indicators written just before (e.g. right before the sharing was created) are included.
     */
    void runSoon(String sharingId) {
        if (queued.add(sharingId)) {
            pool.schedule(() -> {
                queued.remove(sharingId);
                runLocked(sharingId);
            }, SharingRunner.SETTLE.plusMillis(100).toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void runLocked(String sharingId) {
        try {
            locks.executeWithLock((Runnable) () -> runner.run(sharingId),
                    new LockConfiguration(java.time.Instant.now(), "cte-sharing:" + sharingId, LOCK_AT_MOST_FOR,
                            Duration.ZERO));
        } catch (RuntimeException e) {
            log.error("Sharing {} failed", sharingId, e);
        }
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
