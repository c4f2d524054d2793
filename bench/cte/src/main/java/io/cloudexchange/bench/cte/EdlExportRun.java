package io.cloudexchange.bench.cte;

import io.cloudexchange.core.cte.lists.EdlPaths;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The EDL export on its own JVM (started with {@code -Xmx512m} by {@link CteBenchmark}): the whole list of
 * active indicators streamed once, then polled again with its ETag (304, nothing sent).
 * Arguments: expected line count, then the embedded store's directory or a MongoDB URI.
 */
public final class EdlExportRun {

    private EdlExportRun() {
    }

    public static void main(String[] args) throws Exception {
        long expected = Long.parseLong(args[0]);
        boolean uri = args[1].startsWith("mongodb");
        long opening = System.nanoTime();
        try (BenchStore store = BenchStore.open(uri ? args[1] : null, uri ? null : Path.of(args[1]))) {
            store.mongo.getDb().getCollection("indicators").estimatedDocumentCount();
            System.out.printf("EDL     store opened in %.1f s (new JVM, -Xmx512m)%n", (System.nanoTime() - opening) / 1e9);
            export(store, expected);
        }
    }

    private static void export(BenchStore store, long expected) throws java.io.IOException {
        try (HeapWatch heap = new HeapWatch()) {
            EdlPaths edl = new EdlPaths(store.mongo, Clock.systemUTC());
            LineCounter body = new LineCounter();
            long start = System.nanoTime();
            EdlPaths.Served served = edl.serve(null, null, body);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (served.status() != 200 || body.lines != expected) {
                throw new IllegalStateException("EDL answered " + served.status() + " with " + body.lines + " lines, expected "
                        + expected);
            }
            System.out.printf("EDL     GET /api/edl/indicators: %,d values, %,d bytes streamed in %.2f s (%,.0f values/s); "
                            + "%.1f s CPU; heap peak %,d MB of %,d MB (-Xmx512m)%n", body.lines, served.bytes(), seconds,
                    body.lines / seconds, heap.cpuSeconds(), heap.peakMb(), HeapWatch.maxMb());
            start = System.nanoTime();
            EdlPaths.Served again = edl.serve(null, served.etag(), OutputStream.nullOutputStream());
            System.out.printf("EDL     poll with If-None-Match: %d in %.2f s; heap peak %,d MB%n", again.status(),
                    (System.nanoTime() - start) / 1e9, heap.peakMb());
        }
    }

    /** Counts the lines of the body and discards it, as a firewall would consume it. */
    static final class LineCounter extends OutputStream {
        long lines;

        @Override
        public void write(int b) {
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }
    }
}
