package io.cloudexchange.core.cls.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Per SIEM mapping: records pulled, filtered out, sent, failed (transient delivery failures, per attempt),
 * dead-lettered, discarded (only where the admin chose it), and the lag of the last delivered batch. Counted in Micrometer
 * ({@code cloudexchange.cls.records{mapping,outcome}}, {@code cloudexchange.cls.lag.seconds{mapping}}) and in
 * per-minute buckets in MongoDB ({@value #COLLECTION}) that the API and the chart read.
 */
@Component
public class ClsCounters {

    static final String COLLECTION = "cls_counters";
    private static final Logger log = LoggerFactory.getLogger(ClsCounters.class);

    public enum Outcome {
        PULLED, FILTERED_OUT, SENT, FAILED, DEAD_LETTERED, DISCARDED;

        String field() {
            String[] words = name().toLowerCase(Locale.ROOT).split("_");
            return words.length == 1 ? words[0] : words[0] + Character.toUpperCase(words[1].charAt(0)) + words[1].substring(1);
        }
    }

    private final MeterRegistry meters;
    private final MongoOperations mongo;
    private final Clock clock;
    private final Map<String, AtomicLong> lagMillis = new ConcurrentHashMap<>();

    ClsCounters(MeterRegistry meters, MongoOperations mongo, Clock clock) {
        this.meters = meters;
        this.mongo = mongo;
        this.clock = clock;
    }

    void add(String mappingId, Outcome outcome, long records) {
        if (records <= 0) {
            return;
        }
        Counter.builder("cloudexchange.cls.records").tag("mapping", mappingId)
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(meters).increment(records);
        Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        try {
            mongo.upsert(Query.query(where("_id").is(mappingId + "@" + minute)),
                    new Update().set("mappingId", mappingId).set("minute", minute).inc(outcome.field(), records),
                    COLLECTION);
        } catch (RuntimeException e) {
            // counters must never stop delivery; Micrometer still has the count
            log.warn("Could not store the Log Shipper counters of mapping {}: {}", mappingId, e.toString());
        }
    }

    void lag(String mappingId, Instant pulledAt) {
        if (pulledAt == null) {
            return;
        }
        long millis = Math.max(0, Duration.between(pulledAt, clock.instant()).toMillis());
        lagMillis.computeIfAbsent(mappingId, id -> {
            AtomicLong holder = new AtomicLong();
            Gauge.builder("cloudexchange.cls.lag.seconds", holder, value -> value.get() / 1000.0)
                    .tag("mapping", id).register(meters);
            return holder;
        }).set(millis);
    }

    /** Seconds between pull and delivery of the mapping's last delivered batch on this node, or null. */
    Double lagSeconds(String mappingId) {
        AtomicLong millis = lagMillis.get(mappingId);
        return millis == null ? null : millis.get() / 1000.0;
    }
}
