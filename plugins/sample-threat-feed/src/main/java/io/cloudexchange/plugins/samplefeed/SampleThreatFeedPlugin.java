package io.cloudexchange.plugins.samplefeed;

import io.cloudexchange.plugin.api.Capability;
import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PluginDescriptor;
import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.cte.Indicator;
import io.cloudexchange.plugin.api.cte.ThreatIntelPlugin;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * A Threat Exchange source that needs no network: it generates reproducible demo indicators from a
 * seed, a page at a time, until the configured total is reached. The checkpoint holds the position
 * of the next indicator.
 */
public final class SampleThreatFeedPlugin implements ThreatIntelPlugin {

    static final String POSITION = "position";
    static final String BAD_CHECKPOINT = "SAMPLE-1001";

    private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor(
            "sample-threat-feed",
            "Sample threat feed",
            "1.0.0",
            "Generates reproducible demo indicators from a seed, without any network access.",
            Set.of(PlatformModule.CTE),
            "0.1.0",
            Set.of(Capability.PULL));

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ConfigSchema configSchema() {
        return SampleFeedSettings.SCHEMA;
    }

    @Override
    public PullPage<Indicator> pullIndicators(PluginContext context, Checkpoint checkpoint) {
        SampleFeedSettings settings = SampleFeedSettings.from(context.config());
        IndicatorGenerator generator = new IndicatorGenerator(settings, context.clock().instant());
        long start = startPosition(context, checkpoint);
        long end = Math.max(start, Math.min(settings.total(), start + settings.perPage()));

        List<Indicator> indicators = LongStream.range(start, end).mapToObj(generator::indicatorAt).toList();
        Checkpoint next = Checkpoint.of(POSITION, Long.toString(end));
        return end < settings.total() ? PullPage.more(indicators, next) : PullPage.last(indicators, next);
    }

    private static long startPosition(PluginContext context, Checkpoint checkpoint) {
        String position = checkpoint.get(POSITION).orElse("0");
        if (position.matches("\\d{1,18}")) {
            return Long.parseLong(position);
        }
        context.logger().error("Checkpoint position '" + position + "' is not a number; starting over at 0",
                BAD_CHECKPOINT);
        return 0;
    }
}
