package io.cloudexchange.plugin.api;

import java.util.List;
import java.util.Objects;

/**
 * One page of pulled items and the checkpoint to resume after it.
 *
 * @param items valid items, published together as one batch
 * @param rejected malformed source records, reported and skipped
 * @param next checkpoint that resumes after this page
 * @param hasMore true when the source has more data right now; the core pulls again at once
 */
public record PullPage<T>(List<T> items, List<RejectedItem> rejected, Checkpoint next, boolean hasMore) {

    public PullPage {
        items = List.copyOf(items);
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
        Objects.requireNonNull(next, "next checkpoint");
    }

    public static <T> PullPage<T> last(List<T> items, Checkpoint next) {
        return new PullPage<>(items, List.of(), next, false);
    }

    public static <T> PullPage<T> more(List<T> items, Checkpoint next) {
        return new PullPage<>(items, List.of(), next, true);
    }
}
