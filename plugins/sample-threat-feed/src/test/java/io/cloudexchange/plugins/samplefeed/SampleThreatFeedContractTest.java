package io.cloudexchange.plugins.samplefeed;

import io.cloudexchange.plugin.testkit.ThreatIntelSourceContractTest;

class SampleThreatFeedContractTest extends ThreatIntelSourceContractTest<SampleThreatFeedPlugin> {

    @Override
    protected SampleThreatFeedPlugin createPlugin() {
        return new SampleThreatFeedPlugin();
    }
}
