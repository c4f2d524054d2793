package io.cloudexchange.core.logging;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.cloudexchange.core.api.PageResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Filtered, newest-first pages of the platform log. Equality filters on level, error code and
 * source pair with {@code createdAt} in the collection's compound indexes.
 */
@Service
class LogSearch {

    private final MongoTemplate mongo;

    LogSearch(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * @param minimumLevel entries at this level or above, or null for all
     * @param text case-insensitive text the message contains (taken literally), or null
     */
    record Filter(LogLevel minimumLevel, String errorCode, String source, String text, Instant from, Instant to) {
    }

    PageResponse<PlatformLogEntry> search(Filter filter, int page, int size) {
        Criteria criteria = criteria(filter);
        Query pageQuery = new Query(criteria)
                .with(Sort.by(Sort.Direction.DESC, "createdAt"))
                .skip((long) page * size)
                .limit(size);
        List<PlatformLogEntry> items = mongo.find(pageQuery, PlatformLogEntry.class);
        long total = mongo.count(new Query(criteria), PlatformLogEntry.class);
        return new PageResponse<>(items, page, size, total);
    }

    private static Criteria criteria(Filter filter) {
        List<Criteria> parts = new ArrayList<>();
        if (filter.minimumLevel() != null) {
            parts.add(where("level").in(Arrays.stream(LogLevel.values())
                    .filter(level -> level.compareTo(filter.minimumLevel()) >= 0).toList()));
        }
        if (hasText(filter.errorCode())) {
            parts.add(where("errorCode").is(filter.errorCode()));
        }
        if (hasText(filter.source())) {
            parts.add(where("source").is(filter.source()));
        }
        if (filter.from() != null || filter.to() != null) {
            Criteria createdAt = where("createdAt");
            if (filter.from() != null) {
                createdAt = createdAt.gte(filter.from());
            }
            if (filter.to() != null) {
                createdAt = createdAt.lt(filter.to());
            }
            parts.add(createdAt);
        }
        if (hasText(filter.text())) {
            parts.add(where("message").regex(literal(filter.text()), "i"));
        }
        return parts.isEmpty() ? new Criteria() : new Criteria().andOperator(parts);
    }

    /** Escapes regex metacharacters so user text matches literally (in MongoDB's PCRE and in Java). */
    static String literal(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
