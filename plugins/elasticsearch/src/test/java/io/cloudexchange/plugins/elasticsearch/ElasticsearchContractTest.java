package io.cloudexchange.plugins.elasticsearch;

import io.cloudexchange.plugin.testkit.LogDestinationContractTest;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class ElasticsearchContractTest extends LogDestinationContractTest<ElasticsearchPlugin> {

    private FakeElasticsearch cluster;

    @BeforeEach
    void start() throws IOException {
        cluster = new FakeElasticsearch();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Override
    protected ElasticsearchPlugin createPlugin() {
        return new ElasticsearchPlugin();
    }

    @Override
    protected Map<String, Object> validConfiguration() {
        return Map.of("url", cluster.url(), "index", "netskope-alerts", "username", FakeElasticsearch.USER,
                "password", FakeElasticsearch.PASSWORD);
    }
}
