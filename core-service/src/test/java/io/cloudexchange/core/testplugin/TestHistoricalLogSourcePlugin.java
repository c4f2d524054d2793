package io.cloudexchange.core.testplugin;

import io.cloudexchange.plugin.api.Capability;
import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PluginDescriptor;
import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.cls.HistoricalLogSourcePlugin;
import io.cloudexchange.plugin.api.cls.HistoricalPage;
import io.cloudexchange.plugin.api.cls.HistoricalRange;
import io.cloudexchange.plugin.api.cls.LogStream;
import java.util.List;
import java.util.Set;

/**
 * A log source that can pull history but whose tenant never gets past the start of the range: its
 * historical pulls stay RUNNING until cancelled. API tests use it for conflicts and cancel.
 */
public class TestHistoricalLogSourcePlugin extends TestLogSourcePlugin implements HistoricalLogSourcePlugin {

    public static final String HISTORICAL_ID = "test-historical-log-source";

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(HISTORICAL_ID, "Test historical log source", "1.0.0", "Never finishes history",
                Set.of(PlatformModule.CLS), "0.1.0", Set.of(Capability.PULL));
    }

    @Override
    public HistoricalPage pullHistorical(PluginContext context, LogStream stream, HistoricalRange range,
                                         Checkpoint checkpoint) {
        return new HistoricalPage(PullPage.last(List.of(), checkpoint), range.from(), false);
    }
}
