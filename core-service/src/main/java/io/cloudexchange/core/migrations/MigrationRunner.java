package io.cloudexchange.core.migrations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Applies pending migrations once all beans exist and before any lifecycle component (listeners, web
 * server) starts, so the application never reports ready on an old schema. A lock makes the nodes of a
 * cluster take turns: a node that finds the lock taken waits, then sees the versions as applied.
 */
class MigrationRunner implements SmartInitializingSingleton {

    static final String LOCK_NAME = "schema-migrations";
    private static final Logger log = LoggerFactory.getLogger(MigrationRunner.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final List<Migration> migrations;
    private final MongoTemplate mongo;
    private final LockProvider locks;
    private final Clock clock;
    private final Duration lockAtMostFor;

    MigrationRunner(List<Migration> migrations, MongoTemplate mongo, LockProvider locks, Clock clock, Duration lockAtMostFor) {
        this.migrations = sortedAndUnique(migrations);
        this.mongo = mongo;
        this.locks = locks;
        this.clock = clock;
        this.lockAtMostFor = lockAtMostFor;
    }

    private static List<Migration> sortedAndUnique(List<Migration> migrations) {
        List<Migration> sorted = migrations.stream().sorted(Comparator.comparingInt(Migration::version)).toList();
        Set<Integer> versions = new HashSet<>();
        for (Migration migration : sorted) {
            if (migration.version() <= 0 || !versions.add(migration.version())) {
                throw new IllegalStateException("migration versions must be positive and unique: " + migration.version()
                        + " (" + migration.getClass().getName() + ")");
            }
        }
        return sorted;
    }

    @Override
    public void afterSingletonsInstantiated() {
        migrate();
    }

    void migrate() {
        Instant deadline = clock.instant().plus(lockAtMostFor);
        while (true) {
            Optional<SimpleLock> lock = locks.lock(new LockConfiguration(clock.instant(), LOCK_NAME, lockAtMostFor, Duration.ZERO));
            if (lock.isPresent()) {
                try {
                    applyPending();
                    return;
                } finally {
                    lock.get().unlock();
                }
            }
            if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException("another node has held the schema migration lock for over " + lockAtMostFor);
            }
            log.info("Another node is migrating the schema; waiting");
            sleep();
        }
    }

    private void applyPending() {
        Set<Integer> applied = new HashSet<>();
        mongo.findAll(AppliedMigration.class).forEach(migration -> applied.add(migration.version()));
        for (Migration migration : migrations) {
            if (applied.contains(migration.version())) {
                continue;
            }
            log.info("Applying schema migration V{}: {}", migration.version(), migration.description());
            migration.apply(mongo);
            mongo.insert(new AppliedMigration(migration.version(), migration.description(), clock.instant()));
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the schema migration lock", e);
        }
    }
}
