package io.cloudexchange.core.audit;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes audit entries older than {@code cloudexchange.audit.retention-days} (default 365) once a day.
 * Every node may run it: deleting what is already gone is harmless.
 */
@Component
class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration retention;

    AuditRetention(MongoTemplate mongo, Clock clock,
                   @Value("${cloudexchange.audit.retention-days:365}") int retentionDays) {
        if (retentionDays < 1) {
            throw new IllegalArgumentException("cloudexchange.audit.retention-days must be at least 1, not " + retentionDays);
        }
        this.mongo = mongo;
        this.clock = clock;
        this.retention = Duration.ofDays(retentionDays);
    }

    @Scheduled(cron = "${cloudexchange.audit.purge-cron:0 17 3 * * *}")
    void purge() {
        long deleted = mongo.remove(query(where("at").lt(clock.instant().minus(retention))), AuditEntry.class)
                .getDeletedCount();
        if (deleted > 0) {
            log.info("Deleted {} audit entries older than {} days", deleted, retention.toDays());
        }
    }
}
