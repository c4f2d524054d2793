package io.cloudexchange.core.pull;

import io.cloudexchange.plugin.api.Capability;
import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PluginDescriptor;
import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.cls.LogSourcePlugin;
import io.cloudexchange.plugin.api.cls.LogStream;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.log.Event;
import io.cloudexchange.plugin.api.log.LogRecord;
import io.cloudexchange.plugin.api.log.LogType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Log Shipper source with several event streams whose pages the test scripts; each stream's checkpoint
 * is the index of its next page. A stream can be told to fail at a page, and a hook runs in every pull.
 */
final class ScriptedLogSource implements LogSourcePlugin {

    static final String ID = "scripted-logs";

    /** One pull call: the stream and the checkpoint it got. */
    record Call(String stream, Checkpoint checkpoint) {
    }

    /** Runs inside each pull, before the page is returned. */
    interface Hook {
        void during(String stream, int page) throws Exception;
    }

    private final Map<String, Integer> pagesPerStream = new ConcurrentHashMap<>();
    private final Map<String, Integer> failAtPage = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile Hook hook = (stream, page) -> { };

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(ID, "Scripted logs", "1.0.0", "Test source", Set.of(PlatformModule.CLS),
                "0.1.0", Set.of(Capability.PULL));
    }

    @Override
    public ConfigSchema configSchema() {
        return ConfigSchema.empty();
    }

    @Override
    public List<LogStream> streams(PluginContext context) {
        return pagesPerStream.keySet().stream().sorted().map(name -> new LogStream(LogType.EVENT, name)).toList();
    }

    @Override
    public PullPage<LogRecord> pullLogs(PluginContext context, LogStream stream, Checkpoint checkpoint) {
        calls.add(new Call(stream.key(), checkpoint));
        int index = checkpoint.get("page").map(Integer::parseInt).orElse(0);
        try {
            hook.during(stream.subtype(), index);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (failAtPage.getOrDefault(stream.subtype(), -1) == index) {
            throw new IllegalStateException(stream.subtype() + " answered 503");
        }
        int pages = pagesPerStream.get(stream.subtype());
        List<LogRecord> items = new ArrayList<>();
        if (index >= pages) {
            return new PullPage<>(items, List.of(), checkpoint, false);
        }
        for (int i = 0; i < 2; i++) {
            String id = stream.subtype() + "-" + index + "-" + i;
            items.add(new Event(id, stream.subtype(), "alice", Instant.EPOCH, Map.of("_id", id)));
        }
        int next = index + 1;
        return new PullPage<>(items, List.of(), Checkpoint.of("page", String.valueOf(next)), next < pages);
    }

    /** A stream of event subtype {@code name} with {@code pages} pages of two records. */
    ScriptedLogSource stream(String name, int pages) {
        pagesPerStream.put(name, pages);
        return this;
    }

    ScriptedLogSource failAt(String name, int page) {
        failAtPage.put(name, page);
        return this;
    }

    ScriptedLogSource during(Hook value) {
        hook = value;
        return this;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    void reset() {
        pagesPerStream.clear();
        failAtPage.clear();
        calls.clear();
        hook = (stream, page) -> { };
    }
}
