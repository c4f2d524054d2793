import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.KeyValueStore;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PluginLogger;
import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.cls.LogStream;
import io.cloudexchange.plugin.api.config.ConfigValues;
import io.cloudexchange.plugin.api.log.LogRecord;
import io.cloudexchange.plugin.api.log.LogType;
import io.cloudexchange.plugins.netskope.NetskopeLogSourcePlugin;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pulls pages of one event type from a running simulator through the real plugin, as the pull
 * scheduler would (checkpoint after each page), and prints events/s and the CPU this process used.
 * Usage: java -cp <plugin-api.jar>:<netskope.jar> NetskopePullBenchmark.java <tenant-url> <token> <pages>
 */
public class NetskopePullBenchmark {

    public static void main(String[] args) {
        String url = args[0];
        String token = args[1];
        int pages = Integer.parseInt(args[2]);
        NetskopeLogSourcePlugin plugin = new NetskopeLogSourcePlugin();
        Context context = new Context(ConfigValues.of(Map.of("tenant_url", url, "v2_token", token,
                "alert_types", List.of(), "event_types", List.of("page"), "initial_range_days", 7L,
                "initial_range_hours", 24L)));
        LogStream stream = new LogStream(LogType.EVENT, "page");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        Checkpoint checkpoint = plugin.pullLogs(context, stream, Checkpoint.initial()).next();
        long records = 0;
        long bytesSeen = 0;
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        long[] pageMillis = new long[pages];
        int pulled = 0;
        for (int i = 0; i < pages; i++) {
            long pageStart = System.nanoTime();
            PullPage<LogRecord> page = plugin.pullLogs(context, stream, checkpoint);
            pageMillis[pulled++] = (System.nanoTime() - pageStart) / 1_000_000;
            records += page.items().size();
            bytesSeen += page.items().isEmpty() ? 0 : page.items().get(0).raw().size();
            checkpoint = page.next();
            if (!page.hasMore()) {
                System.out.println("caught up after " + (i + 1) + " pages");
                break;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
        System.out.printf("pulled %,d events in %.1f s: %,.0f events/s; client CPU %.1f s = %.2f cores"
                        + " (%.1f µs CPU per event); %d fields per record%n",
                records, seconds, records / seconds, cpuSeconds, cpuSeconds / seconds, cpuSeconds * 1e6 / records,
                records == 0 ? 0 : bytesSeen / Math.max(1, pages));
        long[] sorted = java.util.Arrays.copyOf(pageMillis, pulled);
        java.util.Arrays.sort(sorted);
        System.out.printf("per pull (request spacing included): median %d ms, 90th percentile %d ms, max %d ms%n",
                sorted[pulled / 2], sorted[pulled * 9 / 10], sorted[pulled - 1]);
    }

    /** A minimal platform context: in-memory storage, console logger, plain HTTP client. */
    record Context(ConfigValues config) implements PluginContext {
        private static final HttpClient HTTP = HttpClient.newHttpClient();
        private static final Store STORE = new Store();

        public String configurationId() { return "bench"; }
        public String configurationName() { return "bench"; }
        public KeyValueStore storage() { return STORE; }
        public Checkpoint checkpoint() { return Checkpoint.initial(); }
        public HttpClient httpClient() { return HTTP; }
        public String userAgent() { return "cloud-exchange-bench"; }
        public Clock clock() { return Clock.systemUTC(); }
        public PluginLogger logger() {
            return new PluginLogger() {
                public void debug(String m) { }
                public void info(String m) { System.out.println(m); }
                public void warn(String m) { System.out.println(m); }
                public void error(String m, String code, Throwable t) { System.out.println(code + " " + m); }
            };
        }
    }

    static final class Store implements KeyValueStore {
        private final Map<String, String> map = new ConcurrentHashMap<>();
        public Optional<String> get(String key) { return Optional.ofNullable(map.get(key)); }
        public void put(String key, String value) { map.put(key, value); }
        public void remove(String key) { map.remove(key); }
        public Map<String, String> asMap() { return Map.copyOf(map); }
    }
}
