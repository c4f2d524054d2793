package io.cloudexchange.core.query;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * Builds the MongoDB filter of a {@link BoundQuery}. The filter is built as BSON documents, never as
 * JSON text, and every value is wrapped in an operator ({@code $eq}, {@code $in}...): a value can only
 * ever be a value, so {@code "$where"} or {@code "{...}"} in a query stays a literal string. Field paths
 * come from the {@link QueryFields} whitelist (or, for open catalogs, from the lexer, which allows only
 * letters, digits, {@code _} and dots).
 */
public final class MongoFilters {

    private MongoFilters() {
    }

    public static Document toFilter(BoundQuery query) {
        if (query instanceof BoundQuery.AllOf all) {
            return new Document("$and", all.operands().stream().map(MongoFilters::toFilter).toList());
        }
        if (query instanceof BoundQuery.AnyOf any) {
            return new Document("$or", any.operands().stream().map(MongoFilters::toFilter).toList());
        }
        if (query instanceof BoundQuery.Not not) {
            return new Document("$nor", List.of(toFilter(not.operand())));
        }
        BoundQuery.Test test = (BoundQuery.Test) query;
        return new Document(test.field().path(), condition(test));
    }

    private static Document condition(BoundQuery.Test test) {
        return switch (test.operator()) {
            case EQ -> new Document("$eq", bson(test.value()));
            case NE -> new Document("$ne", bson(test.value()));
            case LT -> new Document("$lt", bson(test.value()));
            case LE -> new Document("$lte", bson(test.value()));
            case GT -> new Document("$gt", bson(test.value()));
            case GE -> new Document("$gte", bson(test.value()));
            case IN -> new Document("$in", test.values().stream().map(MongoFilters::bson).toList());
            case NOT_IN -> new Document("$nin", test.values().stream().map(MongoFilters::bson).toList());
            case CONTAINS, REGEX -> {
                BoundQuery.TextPattern pattern = (BoundQuery.TextPattern) test.value();
                Document regex = new Document("$regex", pattern.source());
                yield pattern.caseInsensitive() ? regex.append("$options", pattern.mongoOptions()) : regex;
            }
        };
    }

    private static Object bson(Object value) {
        return value instanceof Instant instant ? Date.from(instant) : value;
    }
}
