package io.cloudexchange.gateway.core;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One page of a paged core-service list. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CorePage<T>(List<T> items, int page, int size, long total) {

    public CorePage {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public long lastPage() {
        return size == 0 ? 0 : Math.max(0, (total - 1) / size);
    }
}
