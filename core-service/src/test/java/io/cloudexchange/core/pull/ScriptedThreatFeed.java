package io.cloudexchange.core.pull;

import io.cloudexchange.plugin.api.Capability;
import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PluginDescriptor;
import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.RejectedItem;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.cte.Indicator;
import io.cloudexchange.plugin.api.cte.IndicatorType;
import io.cloudexchange.plugin.api.cte.ThreatIntelPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A CTE source whose pages the test scripts. The checkpoint is the index of the next page, so the
 * test can see which page each pull resumed from.
 */
final class ScriptedThreatFeed implements ThreatIntelPlugin {

    static final String ID = "scripted-feed";

    /** One pull call: the configuration it ran for and the checkpoint it got. */
    record Call(String configurationId, Checkpoint checkpoint) {
    }

    private final List<List<Indicator>> pages = new CopyOnWriteArrayList<>();
    private final List<List<RejectedItem>> rejections = new CopyOnWriteArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();
    private volatile RuntimeException failure;
    private volatile Runnable duringPull = () -> { };

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(ID, "Scripted feed", "1.2.3", "Test source", Set.of(PlatformModule.CTE),
                "0.1.0", Set.of(Capability.PULL));
    }

    @Override
    public ConfigSchema configSchema() {
        return ConfigSchema.empty();
    }

    @Override
    public PullPage<Indicator> pullIndicators(PluginContext context, Checkpoint checkpoint) {
        calls.add(new Call(context.configurationId(), checkpoint));
        maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            duringPull.run();
            if (failure != null) {
                throw failure;
            }
            int index = checkpoint.get("page").map(Integer::parseInt).orElse(0);
            List<Indicator> items = index < pages.size() ? pages.get(index) : List.of();
            List<RejectedItem> rejected = index < rejections.size() ? rejections.get(index) : List.of();
            int next = Math.min(index + 1, pages.size());
            return new PullPage<>(items, rejected, Checkpoint.of("page", String.valueOf(next)), next < pages.size());
        } finally {
            running.decrementAndGet();
        }
    }

    /** Adds a page of URL indicators with the given values. */
    ScriptedThreatFeed page(String... urls) {
        return pageWithRejections(List.of(), urls);
    }

    ScriptedThreatFeed pageWithRejections(List<RejectedItem> rejected, String... urls) {
        List<Indicator> items = new ArrayList<>();
        for (String url : urls) {
            items.add(Indicator.of(IndicatorType.URL, url));
        }
        pages.add(List.copyOf(items));
        rejections.add(rejected);
        return this;
    }

    void failWith(RuntimeException exception) {
        failure = exception;
    }

    void duringPull(Runnable hook) {
        duringPull = hook;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    int maxConcurrentPulls() {
        return maxRunning.get();
    }

    void reset() {
        pages.clear();
        rejections.clear();
        calls.clear();
        maxRunning.set(0);
        failure = null;
        duringPull = () -> { };
    }
}
