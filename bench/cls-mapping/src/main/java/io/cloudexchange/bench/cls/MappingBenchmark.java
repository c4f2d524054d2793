package io.cloudexchange.bench.cls;

import io.cloudexchange.core.cls.mapping.DefaultMappingFiles;
import io.cloudexchange.core.cls.mapping.LogMapper;
import io.cloudexchange.netskope.simulator.dataexport.DataExportEndpoint;
import io.cloudexchange.netskope.simulator.dataexport.DataType;
import io.cloudexchange.plugin.api.cls.LogFormat;
import io.cloudexchange.plugin.api.log.LogType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Log Shipper mapping stage alone: the shipped default mapping files, compiled once, map records the
 * Netskope simulator generates (its own generator, every alert and event type in turn, parsed into maps as
 * a source plugin hands them over). One operation = one record; the score is records per second per thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MappingBenchmark {

    /** Records per type; cycled through so the JIT sees every type's shape. */
    private static final int RECORDS_PER_TYPE = 400;
    static final int BATCH = RECORDS_PER_TYPE * 24;

    @Param({"CEF", "JSON", "LEEF"})
    public String format;

    private LogMapper mapper;
    private final List<Item> items = new ArrayList<>();

    record Item(LogType type, String subtype, Map<String, Object> fields) {
    }

    @Setup(Level.Trial)
    public void setUp() {
        LogFormat logFormat = LogFormat.valueOf(format);
        DefaultMappingFiles defaults = new DefaultMappingFiles();
        String fileId = switch (logFormat) {
            case CEF -> DefaultMappingFiles.CEF_SYSLOG;
            case LEEF -> DefaultMappingFiles.LEEF_QRADAR;
            case JSON -> DefaultMappingFiles.JSON;
        };
        mapper = defaults.find(fileId).orElseThrow().compile(logFormat);
        JsonMapper json = JsonMapper.builder().build();
        try (DataExportEndpoint simulator = DataExportEndpoint.of(42, System.currentTimeMillis() - 3_600_000, 1_000, 0,
                10_000, 0, Clock.systemUTC())) {
            for (DataType type : DataType.values()) {
                LogType logType = type.family() == DataType.Family.ALERTS ? LogType.ALERT : LogType.EVENT;
                for (int n = 0; n < RECORDS_PER_TYPE; n++) {
                    Map<String, Object> fields = json.readValue(simulator.recordJson(type, n),
                            new TypeReference<LinkedHashMap<String, Object>>() { });
                    items.add(new Item(logType, type.pathName(), fields));
                }
            }
        }
        if (items.size() != BATCH) {
            throw new IllegalStateException("expected " + BATCH + " records, got " + items.size());
        }
    }

    void mapInto(CpuTimeHarness.Sink sink) {
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            sink.accept(mapper.map(item.type, item.subtype, item.fields));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void mapBatch(Blackhole out) {
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            out.consume(mapper.map(item.type, item.subtype, item.fields));
        }
    }
}
