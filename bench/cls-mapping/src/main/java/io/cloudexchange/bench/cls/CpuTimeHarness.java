package io.cloudexchange.bench.cls;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Records mapped per second of this thread's CPU time, for a machine shared with other work (where JMH's
 * wall-clock scores measure the contention as much as the code). Same records and mappers as
 * {@link MappingBenchmark}. Usage: CpuTimeHarness [CPU seconds per format] [formats...] (default 15: 5 to warm up,
 * 10 measured; CEF, LEEF and JSON).
 */
public final class CpuTimeHarness {

    private CpuTimeHarness() {
    }

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String[] formats = args.length > 1 ? java.util.Arrays.copyOfRange(args, 1, args.length) : new String[] {"CEF", "LEEF", "JSON"};
        for (String format : formats) {
            MappingBenchmark benchmark = new MappingBenchmark();
            benchmark.format = format;
            benchmark.setUp();
            Sink sink = new Sink();
            long warmUpEnd = threads.getCurrentThreadCpuTime() + seconds * 1_000_000_000L / 3;
            while (threads.getCurrentThreadCpuTime() < warmUpEnd) {
                benchmark.mapInto(sink);
            }
            long records = 0;
            long cpuStart = threads.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            long end = cpuStart + seconds * 2_000_000_000L / 3;
            while (threads.getCurrentThreadCpuTime() < end) {
                benchmark.mapInto(sink);
                records += MappingBenchmark.BATCH;
            }
            double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            double wall = (System.nanoTime() - wallStart) / 1e9;
            System.out.printf("%-4s %,12.0f records per CPU-second  (%,d records, %.1f s CPU, %.1f s wall, %.0f chars/record)%n",
                    format, records / cpu, records, cpu, wall, sink.chars / (double) sink.count);
        }
    }

    /** Keeps results observable so the JIT cannot drop the mapping. */
    static final class Sink {
        long chars;
        long count;

        void accept(String line) {
            chars += line.length();
            count++;
        }
    }
}
