package io.cloudexchange.plugins.netskope;

import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.cls.LogStream;
import io.cloudexchange.plugin.api.log.LogRecord;
import io.cloudexchange.plugin.testkit.TestPluginContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays the platform's part for one stream: pulls page after page, "publishes" each page's records
 * and only then keeps the page's checkpoint, as the pull scheduler does after a broker confirm.
 */
final class SimulatedCore {

    private final NetskopeLogSourcePlugin plugin;
    private final LogStream stream;
    private TestPluginContext context;
    private Checkpoint checkpoint = Checkpoint.initial();
    final List<String> published = new ArrayList<>();
    int pulls;

    SimulatedCore(NetskopeLogSourcePlugin plugin, LogStream stream, TestPluginContext context) {
        this.plugin = plugin;
        this.stream = stream;
        this.context = context;
    }

    /** Pulls, publishes and checkpoints one page; returns it. */
    PullPage<LogRecord> pullAndPublish() {
        PullPage<LogRecord> page = pullOnly();
        page.items().forEach(record -> published.add(record.id()));
        checkpoint = page.next();
        return page;
    }

    /** Pulls a page and loses it, as a crash before the broker confirmed it would. */
    PullPage<LogRecord> pullOnly() {
        pulls++;
        return plugin.pullLogs(context, stream, checkpoint);
    }

    /** Pulls until the stream has nothing more right now. */
    void drain() {
        for (int i = 0; i < 1000; i++) {
            if (!pullAndPublish().hasMore()) {
                return;
            }
        }
        throw new AssertionError("stream never caught up");
    }

    Checkpoint checkpoint() {
        return checkpoint;
    }

    /** The platform restarts: same stored checkpoint, the given plugin storage (kept or lost). */
    void restart(TestPluginContext newContext) {
        context = newContext;
    }

    TestPluginContext context() {
        return context;
    }

    /** The position encoded in a simulator id (its last 16 hex digits). */
    static long position(String id) {
        return Long.parseLong(id.substring(id.length() - 16), 16);
    }
}
