package io.cloudexchange.bench.cte;

import io.cloudexchange.core.cte.CtePaths;
import io.cloudexchange.core.messaging.BatchMessage;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.cte.Indicator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.bson.Document;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Threat Exchange at scale, on the product's own classes: (1) ingest a feed with re-reported values through the
 * CTE worker's batch handler, (2) time the IoC table's filtered first page, (3) export the whole EDL in a
 * separate JVM limited to 512 MB of heap. Usage: see bench/README.md.
 */
public final class CteBenchmark {

    static final String QUERY = "type == \"url\" AND severity >= \"high\" AND tags == \"" + SyntheticFeed.TAG + "\"";
    static final String QUERY_CONTAINS = "type == \"url\" AND severity >= \"high\" AND tags contains \"phish\"";
    private static final TypeReference<List<Map<String, Object>>> ITEMS = new TypeReference<>() {
    };

    private CteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path storeDir = options.storeDir();
        if (options.exportOnly()) {
            exportInOwnJvm(options);
            return;
        }
        if (options.mongodbUri() == null && !options.skipIngest()) {
            deleteRecursively(storeDir);
        }
        System.out.printf("CTE bench: %,d distinct indicators, duplicate share %.2f, batch %,d, %d consumer(s), store %s, "
                        + "heap max %,d MB, %d CPUs, load average %.2f%n", options.indicators(), options.duplicateShare(),
                options.batchSize(), options.consumers(),
                options.mongodbUri() == null ? storeDir : options.mongodbUri(), HeapWatch.maxMb(),
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        JsonMapper json = JsonMapper.builder().build();
        Clock clock = Clock.systemUTC();
        try (BenchStore store = BenchStore.open(options.mongodbUri(), storeDir)) {
            if (!store.embedded() && !options.skipIngest()) {
                store.mongo.getDb().getCollection("indicators").drop();
            }
            CtePaths cte = new CtePaths(store.mongo, json, clock);
            cte.createIndexes(store.embedded());
            new io.cloudexchange.core.cte.lists.EdlPaths(store.mongo, clock).createIndexes(store.embedded());
            if (options.skipIngest()) {
                System.out.printf("INGEST  skipped: the %,d indicators of the last run are queried%n",
                        store.mongo.getDb().getCollection("indicators").countDocuments());
            } else {
                ingest(options, store, cte, json);
            }
            query(options, store, cte);
        }
        exportInOwnJvm(options);
    }

    private static void ingest(Options options, BenchStore store, CtePaths cte, JsonMapper json) throws InterruptedException {
        SyntheticFeed feed = new SyntheticFeed(options.indicators(), options.duplicateShare(), options.batchSize());
        AtomicLong reports = new AtomicLong();
        AtomicLong batches = new AtomicLong();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        // As the CTE worker's consumers: each handles one batch at a time, with up to 2 more fetched (prefetch).
        ExecutorService consumers = Executors.newFixedThreadPool(options.consumers());
        Semaphore inFlight = new Semaphore(options.consumers() * 2);
        long start = System.nanoTime();
        try (HeapWatch heap = new HeapWatch()) {
            feed.forEach(batch -> {
                BatchMessage message = message(batch, json);
                inFlight.acquireUninterruptibly();
                consumers.execute(() -> {
                    try {
                        cte.handle(message);
                        progress(options, reports.addAndGet(batch.indicators().size()), batches.incrementAndGet(),
                                start, heap);
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        inFlight.release();
                    }
                });
            });
            consumers.shutdown();
            if (!consumers.awaitTermination(1, TimeUnit.HOURS) || failure.get() != null) {
                throw failure.get() != null ? failure.get() : new IllegalStateException("ingest did not finish in an hour");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long stored = store.mongo.getDb().getCollection("indicators").countDocuments();
            double cpu = heap.cpuSeconds();
            System.out.printf("INGEST  %,d reports (%,d re-reported by a second source) -> %,d indicators stored "
                            + "in %.1f s: %,.0f reports/s; %.1f s CPU (%,.0f reports per CPU-second); heap peak %,d MB "
                            + "of %,d MB; %d consumer(s)%n", reports.get(), feed.duplicates(), stored, seconds,
                    reports.get() / seconds, cpu, reports.get() / cpu, heap.peakMb(), HeapWatch.maxMb(),
                    options.consumers());
            if (stored != options.indicators()) {
                throw new IllegalStateException("de-duplication failed: expected " + options.indicators() + " stored");
            }
        }
    }

    private static void progress(Options options, long reports, long batches, long start, HeapWatch heap) {
        if (batches % options.progressEvery() == 0) {
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("  ... %,d reports in %.1f s (%,.0f/s), %.1f s CPU, heap peak %,d MB, load %.1f%n",
                    reports, seconds, reports / seconds, heap.cpuSeconds(), heap.peakMb(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static BatchMessage message(SyntheticFeed.Batch batch, JsonMapper json) {
        List<Map<String, Object>> items = json.convertValue(batch.indicators(), ITEMS);
        return new BatchMessage(UUID.randomUUID().toString(), PlatformModule.CTE, batch.source(), "bench-feed",
                "default", BatchMessage.Kind.INDICATORS, Instant.now(), items);
    }

    private static void query(Options options, BenchStore store, CtePaths cte) {
        for (String q : List.of(QUERY, QUERY_CONTAINS)) {
            Document filter = cte.filter(q);
            System.out.printf("QUERY   q: %s%n        filter: %s%n        sort: %s, page 0, size 50%n", q, filter.toJson(),
                    CtePaths.sort(null).toJson());
            CtePaths.Page first = cte.page(q, 0, 50, null);
            long[] nanos = new long[options.queries()];
            try (HeapWatch heap = new HeapWatch()) {
                for (int i = 0; i < nanos.length; i++) {
                    long start = System.nanoTime();
                    CtePaths.Page page = cte.page(q, i % 3, 50, null);
                    nanos[i] = System.nanoTime() - start;
                    if (page.items() == 0) {
                        throw new IllegalStateException("the query matched nothing");
                    }
                }
                Arrays.sort(nanos);
                System.out.printf("QUERY   %,d matches of %,d; %d runs (pages 0-2 of 50, with the total count): "
                                + "p50 %,.0f ms, p95 %,.0f ms, max %,.0f ms; %,.0f ms CPU per query; heap peak %,d MB%n",
                        first.total(), options.indicators(), nanos.length, percentile(nanos, 50) / 1e6,
                        percentile(nanos, 95) / 1e6, nanos[nanos.length - 1] / 1e6, heap.cpuSeconds() * 1000 / nanos.length,
                        heap.peakMb());
            }
            if (!store.embedded()) {
                System.out.println("        plan: " + QueryPlan.describe(store.mongo, filter, CtePaths.sort(null), 50));
            }
        }
    }

    static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static void exportInOwnJvm(Options options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), EdlExportRun.class.getName(),
                String.valueOf(options.indicators())));
        command.add(options.mongodbUri() == null ? options.storeDir().toString() : options.mongodbUri());
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("the EDL export JVM exited with " + exit);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
