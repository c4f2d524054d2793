package io.cloudexchange.plugins.splunk;

import io.cloudexchange.plugin.testkit.LogDestinationContractTest;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class SplunkHecContractTest extends LogDestinationContractTest<SplunkHecPlugin> {

    private FakeHec hec;

    @BeforeEach
    void startHec() throws IOException {
        hec = new FakeHec();
    }

    @AfterEach
    void stopHec() {
        hec.close();
    }

    @Override
    protected SplunkHecPlugin createPlugin() {
        return new SplunkHecPlugin();
    }

    @Override
    protected Map<String, Object> validConfiguration() {
        return Map.of("url", hec.url(), "token", FakeHec.TOKEN);
    }
}
