package io.cloudexchange.netskope.simulator.dataexport;

import io.cloudexchange.netskope.simulator.http.ApiResponse;
import io.cloudexchange.netskope.simulator.http.Gzip;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Renders dataexport page bodies. A backlog page (more data follows it) reads the same bytes every
 * time, so it is rendered and gzipped once, and the page a {@code next} would give after it is
 * prepared in the background while the consumer handles the current one. Like a tenant, which
 * serves pages it already holds, the simulator then does not generate on the request path. Pages at
 * the live edge depend on the time and are rendered per request.
 */
final class PageRenderer implements AutoCloseable {

    /**
     * Pages are kept gzipped only (about 1.5 MB at 10,000 records, 11 MB as JSON): enough for the current
     * and the following page of eight types pulled at the same time.
     */
    private static final int CACHED_PAGES = 16;

    private final RecordGenerator generator;
    private final Map<DataType, Timeline> timelines;
    private final int pageSize;
    private final int idleWaitSeconds;
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "netskope-simulator-pages");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<PageKey, CompletableFuture<RenderedPage>> backlogPages =
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<PageKey, CompletableFuture<RenderedPage>> eldest) {
                    return size() > CACHED_PAGES;
                }
            };

    PageRenderer(RecordGenerator generator, Map<DataType, Timeline> timelines, int pageSize, int idleWaitSeconds) {
        this.generator = generator;
        this.timelines = timelines;
        this.pageSize = pageSize;
        this.idleWaitSeconds = idleWaitSeconds;
    }

    private record PageKey(DataType type, long from, long to) {
    }

    private record RenderedPage(byte[] gzipped) {
    }

    /** The body of records {@code [from, to)} when {@code available} records exist. */
    ApiResponse page(DataType type, long from, long to, long available, long nowMillis) {
        if (to >= available) {
            Utf8Text json = json(type, from, to, available, nowMillis);
            return ApiResponse.ok(java.util.Arrays.copyOf(json.bytes(), json.length()), null);
        }
        CompletableFuture<RenderedPage> page = backlogPage(new PageKey(type, from, to), false);
        long followingTo = to + pageSize;
        if (followingTo < available) {
            backlogPage(new PageKey(type, to, followingTo), true);
        }
        RenderedPage rendered = page.join();
        return ApiResponse.okGzipped(rendered.gzipped());
    }

    private CompletableFuture<RenderedPage> backlogPage(PageKey key, boolean inBackground) {
        CompletableFuture<RenderedPage> page;
        boolean added;
        synchronized (backlogPages) {
            page = backlogPages.get(key);
            added = page == null;
            if (added) {
                page = new CompletableFuture<>();
                backlogPages.put(key, page);
            }
        }
        if (added) {
            CompletableFuture<RenderedPage> target = page;
            Runnable render = () -> {
                try {
                    Utf8Text json = json(key.type(), key.from(), key.to(), Long.MAX_VALUE, 0);
                    target.complete(new RenderedPage(Gzip.compress(json.bytes(), json.length())));
                } catch (RuntimeException e) {
                    target.completeExceptionally(e);
                }
            };
            if (inBackground) {
                background.execute(render);
            } else {
                render.run();
            }
        }
        return page;
    }

    private Utf8Text json(DataType type, long from, long to, long available, long nowMillis) {
        Timeline timeline = timelines.get(type);
        Utf8Text out = new Utf8Text((int) Math.min(64 + (to - from) * 1150, Integer.MAX_VALUE - 8));
        out.append("{\"ok\":1,\"result\":[");
        for (long n = from; n < to; n++) {
            if (n > from) {
                out.append(',');
            }
            generator.write(out, type, n, timeline.timestampMillis(n) / 1000);
        }
        boolean more = to < available;
        long hwm = more ? timeline.timestampMillis(to - 1) / 1000 : nowMillis / 1000;
        out.append("],\"wait_time\":").append(more ? 0 : idleWaitSeconds)
                .append(",\"timestamp_hwm\":").append(hwm).append('}');
        return out;
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
