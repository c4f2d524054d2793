package io.cloudexchange.core.cte;

import java.time.Clock;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Aging: indicators whose every source report expired ({@code expiresAt}, the latest of them) become inactive.
 * They are kept (never deleted for aging), and their {@code updatedAt} moves so sharing retracts them from
 * destinations. A new report makes an indicator active again.
 */
@Component
class IndicatorAging {

    private final MongoOperations mongo;
    private final Clock clock;

    IndicatorAging(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${cloudexchange.cte.aging-interval:5m}",
            initialDelayString = "${cloudexchange.cte.aging-interval:5m}")
    @SchedulerLock(name = "cte-aging")
    void scheduled() {
        expire();
    }

    /** Deactivates every active indicator that has expired; returns how many. */
    long expire() {
        Instant now = clock.instant();
        return mongo.updateMulti(Query.query(Criteria.where("active").is(true).and("expiresAt").lte(now)),
                new Update().set("active", false).set("updatedAt", now), StoredIndicator.class).getModifiedCount();
    }
}
