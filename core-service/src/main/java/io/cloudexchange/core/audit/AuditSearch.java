package io.cloudexchange.core.audit;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.cloudexchange.core.api.PageResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Newest-first audit entries by actor, action and time (from inclusive, to exclusive). */
@Service
class AuditSearch {

    private final MongoTemplate mongo;

    AuditSearch(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record Filter(String actor, AuditAction action, Instant from, Instant to) {
    }

    PageResponse<AuditEntry> page(Filter filter, int page, int size) {
        Query query = newestFirst(filter).skip((long) page * size).limit(size);
        List<AuditEntry> items = mongo.find(query, AuditEntry.class);
        long total = mongo.count(new Query(criteria(filter)), AuditEntry.class);
        return new PageResponse<>(items, page, size, total);
    }

    /** Hands every matching entry to {@code consumer} without holding them all in memory. */
    void each(Filter filter, Consumer<AuditEntry> consumer) {
        try (Stream<AuditEntry> entries = mongo.stream(newestFirst(filter), AuditEntry.class)) {
            entries.forEach(consumer);
        }
    }

    private static Query newestFirst(Filter filter) {
        return new Query(criteria(filter)).with(Sort.by(Sort.Direction.DESC, "at"));
    }

    private static Criteria criteria(Filter filter) {
        List<Criteria> parts = new ArrayList<>();
        if (filter.actor() != null && !filter.actor().isBlank()) {
            parts.add(where("actor").is(filter.actor()));
        }
        if (filter.action() != null) {
            parts.add(where("action").is(filter.action()));
        }
        if (filter.from() != null || filter.to() != null) {
            Criteria at = where("at");
            if (filter.from() != null) {
                at = at.gte(filter.from());
            }
            if (filter.to() != null) {
                at = at.lt(filter.to());
            }
            parts.add(at);
        }
        return parts.isEmpty() ? new Criteria() : new Criteria().andOperator(parts.toArray(Criteria[]::new));
    }
}
