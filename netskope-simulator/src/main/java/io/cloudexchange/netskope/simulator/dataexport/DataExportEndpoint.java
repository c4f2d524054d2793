package io.cloudexchange.netskope.simulator.dataexport;

import io.cloudexchange.netskope.simulator.http.ApiRequest;
import io.cloudexchange.netskope.simulator.http.ApiResponse;
import io.cloudexchange.netskope.simulator.http.Route;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /api/v2/events/dataexport/{alerts|events}/{type}?index=..&operation=..}: one iterator
 * per (index, type). {@code next} acknowledges the current page and gives the following one,
 * {@code resend} gives the current page again, an epoch / {@code head} / {@code tail} repositions.
 */
public final class DataExportEndpoint implements AutoCloseable {

    private static final String PATH = "/api/v2/events/dataexport/(alerts|events)/([a-z0-9]+)";

    private final RecordGenerator generator;
    private final Map<DataType, Timeline> timelines;
    private final int pageSize;
    private final PageRenderer renderer;
    private final Clock clock;
    private final Map<String, IteratorState> iterators = new ConcurrentHashMap<>();

    private DataExportEndpoint(long seed, Map<DataType, Timeline> timelines, int pageSize, int idleWaitSeconds,
                              Clock clock) {
        this.generator = new RecordGenerator(seed);
        this.timelines = Map.copyOf(timelines);
        this.pageSize = pageSize;
        this.renderer = new PageRenderer(generator, this.timelines, pageSize, idleWaitSeconds);
        this.clock = clock;
    }

    /** Every type on the same timeline. */
    public static DataExportEndpoint of(long seed, long originMillis, double recordsPerSecond, long volume,
                                        int pageSize, int idleWaitSeconds, Clock clock) {
        Map<DataType, Timeline> timelines = new java.util.EnumMap<>(DataType.class);
        for (DataType type : DataType.values()) {
            timelines.put(type, new Timeline(originMillis, recordsPerSecond, volume));
        }
        return new DataExportEndpoint(seed, timelines, pageSize, idleWaitSeconds, clock);
    }

    public Route route() {
        return new Route("GET", java.util.regex.Pattern.compile(PATH), Route.Auth.V2, path -> path, this::handle);
    }

    /** The iterator of an index and type, if a consumer used it. */
    public Optional<IteratorState.Snapshot> iterator(String index, DataType type) {
        return Optional.ofNullable(iterators.get(key(index, type))).map(IteratorState::snapshot);
    }

    /** The {@code _id} of record n of a type, to compare with what a consumer received. */
    public String recordJson(DataType type, long n) {
        Utf8Text out = new Utf8Text(1024);
        generator.write(out, type, n, timelines.get(type).timestampMillis(n) / 1000);
        return out.toString();
    }

    /** How many records of a type exist now. */
    public long available(DataType type) {
        return timelines.get(type).available(clock.millis());
    }

    private ApiResponse handle(ApiRequest request) {
        Optional<DataType> type = DataType.find(request.pathParameter(1), request.pathParameter(2));
        if (type.isEmpty()) {
            return ApiResponse.error(404, "unknown " + request.pathParameter(1) + " type " + request.pathParameter(2));
        }
        String index = request.query("index");
        String operation = request.query("operation");
        if (index == null || index.isBlank() || operation == null || operation.isBlank()) {
            return ApiResponse.error(400, "index and operation are required");
        }
        IteratorState iterator = iterators.computeIfAbsent(key(index, type.get()), k -> new IteratorState());
        if (!iterator.lock.tryLock()) {
            return ApiResponse.error(409, "iterator " + index + " is in use by another request");
        }
        try {
            return page(type.get(), iterator, operation);
        } finally {
            iterator.lock.unlock();
        }
    }

    private ApiResponse page(DataType type, IteratorState iterator, String operation) {
        Timeline timeline = timelines.get(type);
        long now = clock.millis();
        long available = timeline.available(now);
        switch (operation) {
            case "next" -> {
                if (iterator.started()) {
                    iterator.next(pageSize, available);
                } else {
                    iterator.startPageAt(available, pageSize, available);
                }
            }
            case "resend" -> {
                if (!iterator.started()) {
                    iterator.startPageAt(available, pageSize, available);
                }
            }
            case "head" -> iterator.startPageAt(0, pageSize, available);
            case "tail" -> iterator.startPageAt(available, pageSize, available);
            default -> {
                if (!operation.matches("\\d{1,12}")) {
                    return ApiResponse.error(400, "operation must be next, resend, head, tail or an epoch");
                }
                iterator.startPageAt(timeline.firstAtOrAfter(Long.parseLong(operation)), pageSize, available);
            }
        }
        return renderer.page(type, iterator.pageFrom(), iterator.pageTo(), available, now);
    }

    private static String key(String index, DataType type) {
        return type.family().segment() + "/" + type.pathName() + "/" + index;
    }

    /** Stops preparing pages. */
    @Override
    public void close() {
        renderer.close();
    }
}
