package io.cloudexchange.plugins.azuremonitor;

import io.cloudexchange.plugin.api.cls.LogFormat;
import io.cloudexchange.plugin.testkit.LogDestinationContractTest;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class AzureMonitorContractTest extends LogDestinationContractTest<AzureMonitorPlugin> {

    private FakeAzure azure;

    @BeforeEach
    void start() throws IOException {
        azure = new FakeAzure();
    }

    @AfterEach
    void stop() {
        azure.close();
    }

    @Override
    protected AzureMonitorPlugin createPlugin() {
        return new AzureMonitorPlugin();
    }

    @Override
    protected Map<String, Object> validConfiguration() {
        return AzureMonitorDeliveryTest.config(azure);
    }

    @Override
    protected io.cloudexchange.plugin.api.cls.MappedLog sampleLog(String id, LogFormat format) {
        return super.sampleLog(id, LogFormat.JSON);
    }
}
