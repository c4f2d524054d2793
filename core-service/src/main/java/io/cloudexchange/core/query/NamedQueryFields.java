package io.cloudexchange.core.query;

/**
 * A field catalog published as a bean under a name, so that {@code POST /api/query/validate} can check
 * a query for that use (e.g. {@code "indicators"}).
 */
public record NamedQueryFields(String name, QueryFields fields) {
}
