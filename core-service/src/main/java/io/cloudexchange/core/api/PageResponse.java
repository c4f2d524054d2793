package io.cloudexchange.core.api;

import java.util.List;

/** One page of a list, newest or first items first as the endpoint defines. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {
}
