package io.cloudexchange.core.cte;

import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.core.api.PageResponse;
import io.cloudexchange.core.concurrent.Futures;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The IoC table's operations: query, tag, untag, delete and export, by ids or by query. */
@Service
public class IndicatorService {

    static final int MAX_PAGE_SIZE = 1000;
    /** Sortable fields by their API name; each is indexed (V35). */
    static final Map<String, String> SORTABLE = Map.of("lastSeen", "lastSeen", "firstSeen", "firstSeen",
            "severity", "severityRank", "reputation", "reputation", "value", "value", "type", "type",
            "expiresAt", "expiresAt", "updatedAt", "updatedAt");

    private final MongoOperations mongo;
    private final IndicatorFilter filters;
    private final Clock clock;
    /**
     * Counts a page's total beside its query: on the embedded store each is a scan, which two cores run at once; on
     * MongoDB the two round trips overlap. When all its threads are busy, the caller counts.
     */
    private final ThreadPoolExecutor counts = Futures.helpers("indicator-count-", 4);

    IndicatorService(MongoOperations mongo, IndicatorFilter filters, Clock clock) {
        this.mongo = mongo;
        this.filters = filters;
        this.clock = clock;
    }

    PageResponse<IndicatorView> page(String q, int page, int size, String sort) {
        Document filter = filters.of(q, "q");
        Query query = new BasicQuery(filter).with(sortOf(sort)).skip((long) page * size).limit(size);
        Future<Long> total = filter.isEmpty()
                ? CompletableFuture.completedFuture(mongo.estimatedCount(StoredIndicator.class))
                : counts.submit(() -> mongo.count(new BasicQuery(filter), StoredIndicator.class));
        try {
            List<IndicatorView> items = mongo.find(query, StoredIndicator.class).stream().map(IndicatorView::of)
                    .toList();
            return new PageResponse<>(items, page, size, Futures.result(total, "counting indicators"));
        } finally {
            total.cancel(true);
        }
    }

    @PreDestroy
    void stopCounting() {
        counts.shutdownNow();
    }

    /** Adds tags; counts as a change for sharing ({@code updatedAt}). */
    long tag(Selection selection, List<String> tags) {
        Update update = new Update().addToSet("tags").each(tags.toArray()).set("updatedAt", clock.instant());
        return mongo.updateMulti(new BasicQuery(selection.filter(filters)), update, StoredIndicator.class)
                .getModifiedCount();
    }

    long untag(Selection selection, List<String> tags) {
        Update update = new Update().pullAll("tags", tags.toArray()).set("updatedAt", clock.instant());
        return mongo.updateMulti(new BasicQuery(selection.filter(filters)), update, StoredIndicator.class)
                .getModifiedCount();
    }

    long delete(Selection selection) {
        return mongo.remove(new BasicQuery(selection.filter(filters)), StoredIndicator.class).getDeletedCount();
    }

    /** Refuses a bad query before a response starts streaming. */
    void checkQuery(String q) {
        filters.of(q, "q");
    }

    /** Streams every matching indicator from a cursor, never holding the result in memory. */
    void each(String q, String sort, Consumer<StoredIndicator> consumer) {
        Query query = new BasicQuery(filters.of(q, "q")).with(sortOf(sort)).cursorBatchSize(1000);
        try (Stream<StoredIndicator> stream = mongo.stream(query, StoredIndicator.class)) {
            stream.forEach(consumer);
        }
    }

    static Sort sortOf(String sort) {
        if (sort == null || sort.isBlank()) {
            return Sort.by(Sort.Direction.DESC, "lastSeen").and(Sort.by("_id"));
        }
        String[] parts = sort.split(",", 2);
        String field = SORTABLE.get(parts[0].strip());
        if (field == null) {
            throw InvalidRequestException.field("sort", "sort by one of " + new java.util.TreeSet<>(SORTABLE.keySet()));
        }
        String direction = parts.length > 1 ? parts[1].strip().toLowerCase(java.util.Locale.ROOT) : "asc";
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw InvalidRequestException.field("sort", "direction must be asc or desc");
        }
        return Sort.by(direction.equals("asc") ? Sort.Direction.ASC : Sort.Direction.DESC, field).and(Sort.by("_id"));
    }
}
