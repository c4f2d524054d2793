package io.cloudexchange.bench.cte;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Samples the heap in use every 10 ms (the peak includes garbage not yet collected), and counts the CPU time
 * this JVM used meanwhile, all threads (client, embedded server, GC, JIT): on a machine shared with other work
 * the CPU time says more than the wall clock.
 */
final class HeapWatch implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread sampler;
    private volatile long peak;
    private volatile boolean running = true;
    private final long cpuStart = cpuNanos();

    HeapWatch() {
        peak = used();
        sampler = new Thread(() -> {
            while (running) {
                peak = Math.max(peak, used());
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    private long used() {
        return memory.getHeapMemoryUsage().getUsed();
    }

    long peakMb() {
        peak = Math.max(peak, used());
        return peak >> 20;
    }

    double cpuSeconds() {
        return (cpuNanos() - cpuStart) / 1e9;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static long maxMb() {
        return Runtime.getRuntime().maxMemory() >> 20;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
