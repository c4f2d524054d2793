package io.cloudexchange.bench.clse2e;

import com.sun.management.OperatingSystemMXBean;
import io.cloudexchange.core.CoreApplication;
import io.cloudexchange.core.cls.mapping.DefaultMappingFiles;
import io.cloudexchange.core.cls.rules.BusinessRule;
import io.cloudexchange.core.cls.siem.SiemMapping;
import io.cloudexchange.core.cls.siem.SiemMappingRepository;
import io.cloudexchange.core.configurations.PluginConfiguration;
import io.cloudexchange.core.configurations.PluginConfigurationRepository;
import io.cloudexchange.core.secrets.SecretCipher;
import io.cloudexchange.netskope.simulator.NetskopeSimulator;
import io.cloudexchange.netskope.simulator.SimulatorConfig;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.cls.LogFormat;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Log Shipper end to end, in one JVM: a simulated Netskope tenant holding a backlog of {@code --events}
 * events split evenly across the event types {@code --types} (as a tenant configuration selects several), the
 * whole core application pulling it ({@code netskope-logs}), queueing each page through
 * RabbitMQ with publisher confirms, the CLS workers mapping it to CEF with the shipped default mapping file and
 * the {@code syslog} plugin sending it over TCP to a counting receiver; batches are acknowledged only after the
 * receiver closed its side of the connection. Prints events/s, CPU (cores) and heap, and one summary line.
 *
 * <p>Options: {@code --events=N} (default 1,000,000), {@code --rabbitmq=URI} (default
 * {@code amqp://guest:guest@127.0.0.1:5672/}), {@code --page-size=N} (default 10,000), {@code --timeout=S}
 * (default 600), {@code --types=a,b,...} (event types, default {@code page,application,network,audit}; one
 * stream each, pulled in parallel as the platform does).
 */
public final class ClsEndToEndBenchmark {

    private ClsEndToEndBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        long events = Long.parseLong(options.getOrDefault("events", "1000000"));
        String rabbit = options.getOrDefault("rabbitmq", "amqp://guest:guest@127.0.0.1:5672/");
        int pageSize = Integer.parseInt(options.getOrDefault("page-size", "10000"));
        List<String> types = List.of(options.getOrDefault("types", "page,application,network,audit").split(","));
        if (events % types.size() != 0) {
            throw new IllegalArgumentException("--events must split evenly across the " + types.size() + " types");
        }
        long perType = events / types.size();
        Duration timeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout", "600")));

        Duration history = Duration.ofMinutes(10);
        NetskopeSimulator tenant = NetskopeSimulator.start(SimulatorConfig.defaults().withPageSize(pageSize)
                .withVolume(perType).withRecordsPerSecond(perType / (double) history.toSeconds()).withHistory(history)
                .withIdleWaitSeconds(0).withRequestsPerSecond(0));
        CountingSyslogReceiver receiver = CountingSyslogReceiver.start();
        Path dataDir = Files.createTempDirectory("cls-e2e-bench");
        ConfigurableApplicationContext core = SpringApplication.run(CoreApplication.class,
                "--cloudexchange.rabbitmq.uri=" + rabbit, "--cloudexchange.mongodb.uri=",
                "--cloudexchange.embedded.in-memory=true", "--cloudexchange.embedded.mongo-port=0",
                "--cloudexchange.data-dir=" + dataDir, "--server.port=0", "--cloudexchange.scheduler.tick=1s",
                "--logging.level.root=WARN", "--logging.level.io.cloudexchange.bench=INFO");
        boolean ok;
        try {
            Result result = run(core, tenant, receiver, events, types, timeout);
            ok = result.print(events, types, rabbit, pageSize);
        } finally {
            core.close();
            receiver.close();
            tenant.close();
        }
        System.exit(ok ? 0 : 1);
    }

    private static Result run(ConfigurableApplicationContext core, NetskopeSimulator tenant,
                              CountingSyslogReceiver receiver, long events, List<String> types, Duration timeout)
            throws InterruptedException {
        PluginConfigurationRepository configurations = core.getBean(PluginConfigurationRepository.class);
        SiemMappingRepository mappings = core.getBean(SiemMappingRepository.class);
        SecretCipher cipher = core.getBean(SecretCipher.class);
        Instant now = Instant.now();
        PluginConfiguration destination = configurations.save(new PluginConfiguration(null, "bench syslog",
                "syslog", PlatformModule.CLS, Map.of("host", "127.0.0.1", "port", receiver.port(), "transport", "TCP",
                        "framing", "LF", "header_format", "RFC5424"),
                Map.of(), true, 60, false, true, now, now, null));
        PluginConfiguration source = new PluginConfiguration(null, "bench tenant", "netskope-logs",
                PlatformModule.CLS, Map.of("tenant_url", tenant.baseUrl().toString(), "event_types", types,
                        // an empty list would mean the default alert types; this name matches none
                        "alert_types", List.of("none"), "initial_range_days", 1),
                Map.of("v2_token", cipher.encrypt(SimulatorConfig.DEFAULT_V2_TOKEN)), false, 60, false, true, now, now,
                null);
        source = configurations.save(source);
        mappings.save(new SiemMapping(null, "bench to syslog", source.id(), BusinessRule.ALL_ID, destination.id(),
                DefaultMappingFiles.CEF_SYSLOG, LogFormat.CEF, true, null, now, now, null));

        Monitor monitor = new Monitor();
        System.gc();
        long heapBefore = monitor.heapUsed();
        long start = System.nanoTime();
        long cpuStart = monitor.cpu();
        configurations.save(withEnabled(source));
        long deadline = start + timeout.toNanos();
        long tenPercent = events / 10;
        long ninetyPercent = events - tenPercent;
        Mark first = null;
        Mark low = null;
        Mark high = null;
        long lastReport = start;
        while (receiver.lines() < events && System.nanoTime() < deadline) {
            Thread.sleep(50);
            monitor.sampleHeap();
            long lines = receiver.lines();
            if (first == null && lines > 0) {
                first = monitor.mark(lines);
            }
            if (low == null && lines >= tenPercent) {
                low = monitor.mark(lines);
            }
            if (high == null && lines >= ninetyPercent) {
                high = monitor.mark(lines);
            }
            if (System.nanoTime() - lastReport > 5_000_000_000L) {
                lastReport = System.nanoTime();
                System.out.printf("[bench] %,d of %,d events at the receiver after %.0f s%n", lines, events,
                        (lastReport - start) / 1e9);
            }
        }
        Mark end = monitor.mark(receiver.lines());
        System.gc();
        return new Result(receiver.lines() >= events, start, cpuStart, first, low, high, end, heapBefore,
                monitor.peakHeap, monitor.heapUsed(), receiver.sample(), monitor.cpuByThreadGroup());
    }

    private static PluginConfiguration withEnabled(PluginConfiguration c) {
        return new PluginConfiguration(c.id(), c.name(), c.pluginId(), c.module(), c.parameters(), c.secrets(), true,
                c.pollIntervalSeconds(), c.useSystemProxy(), c.sslValidation(), c.createdAt(), Instant.now(), c.version());
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }

    /** A point in the run: when, how many events had arrived, and the process CPU time used so far. */
    record Mark(long nanos, long lines, long cpuNanos, long simulatorCpuNanos) {
    }

    /** Process CPU, heap and per-thread CPU. */
    static final class Monitor {
        private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long peakHeap;

        long cpu() {
            return os.getProcessCpuTime();
        }

        long heapUsed() {
            return memory.getHeapMemoryUsage().getUsed();
        }

        void sampleHeap() {
            peakHeap = Math.max(peakHeap, heapUsed());
        }

        Mark mark(long lines) {
            return new Mark(System.nanoTime(), lines, cpu(), simulatorCpu());
        }

        /** CPU time of the simulated tenant's threads (generating and gzipping pages), to tell it apart. */
        long simulatorCpu() {
            long total = 0;
            long[] ids = threads.getAllThreadIds();
            ThreadInfo[] infos = threads.getThreadInfo(ids);
            for (int i = 0; i < ids.length; i++) {
                if (infos[i] != null && infos[i].getThreadName().startsWith("netskope-simulator")) {
                    total += Math.max(0, threads.getThreadCpuTime(ids[i]));
                }
            }
            return total;
        }

        /** CPU seconds of the live threads, by name with digits dropped (pools grouped). */
        Map<String, Double> cpuByThreadGroup() {
            Map<String, Double> byGroup = new TreeMap<>();
            long[] ids = threads.getAllThreadIds();
            ThreadInfo[] infos = threads.getThreadInfo(ids);
            for (int i = 0; i < ids.length; i++) {
                if (infos[i] == null) {
                    continue;
                }
                long nanos = threads.getThreadCpuTime(ids[i]);
                if (nanos > 0) {
                    String group = infos[i].getThreadName().replaceAll("[0-9]+", "#");
                    byGroup.merge(group, nanos / 1e9, Double::sum);
                }
            }
            return byGroup;
        }
    }

    record Result(boolean complete, long start, long cpuStart, Mark first, Mark low, Mark high, Mark end,
                  long heapBefore, long peakHeap, long heapAfterGc, List<String> sample, Map<String, Double> cpuByThread) {

        /** @return whether every event arrived and the sampled lines are CEF */
        boolean print(long events, List<String> types, String rabbit, int pageSize) {
            double total = (end.nanos() - start) / 1e9;
            double totalCpu = (end.cpuNanos() - cpuStart) / 1e9;
            System.out.println();
            System.out.printf("Events: %,d events (%,d each of %s), pages of %,d, CEF over syslog TCP, broker %s%n",
                    events, events / types.size(), String.join(", ", types), pageSize, rabbit.replaceAll("//[^@]*@", "//"));
            System.out.printf("Received: %,d lines (%s)%n", end.lines(), complete ? "complete" : "TIMED OUT");
            if (first != null) {
                System.out.printf("First event at the receiver %.1f s after the source was enabled%n",
                        (first.nanos() - start) / 1e9);
            }
            double sustained = 0;
            double sustainedCores = 0;
            double pipelineCores = 0;
            if (low != null && high != null && high.nanos() > low.nanos()) {
                double window = (high.nanos() - low.nanos()) / 1e9;
                sustained = (high.lines() - low.lines()) / window;
                sustainedCores = (high.cpuNanos() - low.cpuNanos()) / 1e9 / window;
                pipelineCores = sustainedCores
                        - (high.simulatorCpuNanos() - low.simulatorCpuNanos()) / 1e9 / window;
                System.out.printf("Sustained (10%% to 90%% of the events): %,.0f events/s over %.1f s, %.2f cores"
                        + " (%.2f without the simulated tenant's threads)%n", sustained, window, sustainedCores,
                        pipelineCores);
            }
            System.out.printf("Whole run (enable to last event): %,.0f events/s over %.1f s, %.1f CPU s = %.2f cores,"
                    + " %.1f µs CPU per event%n", end.lines() / total, total, totalCpu, totalCpu / total,
                    totalCpu * 1e6 / Math.max(1, end.lines()));
            System.out.printf("Heap: %,d MB before, %,d MB peak (sampled every 50 ms), %,d MB after GC at the end%n",
                    heapBefore / 1_048_576, peakHeap / 1_048_576, heapAfterGc / 1_048_576);
            System.out.println("CPU seconds by thread (live threads, whole JVM life; the simulated tenant's are"
                    + " 'netskope-simulator*'; GC and JIT threads are not listed):");
            cpuByThread.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(14)
                    .forEach(entry -> System.out.printf("  %8.1f  %s%n", entry.getValue(), entry.getKey()));
            System.out.println("Sample line: " + (sample.isEmpty() ? "(none)" : sample.get(0)));
            boolean cef = !sample.isEmpty() && sample.stream().allMatch(CefCheck::valid);
            System.out.printf("CEF check of %d sampled lines: %s%n", sample.size(), cef ? "ok" : "FAILED");
            System.out.printf("SUMMARY cls-e2e events=%d types=%s received=%d sustained_events_per_s=%.0f sustained_cores=%.2f"
                    + " pipeline_cores=%.2f whole_run_events_per_s=%.0f cpu_us_per_event=%.1f heap_peak_mb=%d heap_after_gc_mb=%d cef=%s"
                    + " load=%s%n", events, String.join(",", types), end.lines(), sustained, sustainedCores, pipelineCores, end.lines() / total,
                    totalCpu * 1e6 / Math.max(1, end.lines()), peakHeap / 1_048_576, heapAfterGc / 1_048_576,
                    cef ? "ok" : "failed", loadAverage());
            return complete && cef;
        }

        private static String loadAverage() {
            try {
                return Arrays.stream(Files.readString(Path.of("/proc/loadavg")).split(" ")).limit(3)
                        .reduce((a, b) -> a + "," + b).orElse("?");
            } catch (java.io.IOException e) {
                return "?";
            }
        }
    }
}
