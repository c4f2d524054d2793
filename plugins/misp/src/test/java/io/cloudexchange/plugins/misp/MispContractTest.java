package io.cloudexchange.plugins.misp;

import io.cloudexchange.plugin.testkit.TestPluginContext;
import io.cloudexchange.plugin.testkit.ThreatIntelSourceContractTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

class MispContractTest extends ThreatIntelSourceContractTest<MispPlugin> {

    private static final long NOW = TestPluginContext.DEFAULT_NOW.getEpochSecond();
    private static final MispServer SERVER = start();

    private static MispServer start() {
        try {
            return new MispServer().attribute("domain", "bad.example", NOW - 3600)
                    .attribute("ip-dst", "203.0.113.8", NOW - 60).attribute("md5", "a".repeat(32), NOW - 10);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @Override
    protected MispPlugin createPlugin() {
        return new MispPlugin();
    }

    @Override
    protected Map<String, Object> validConfiguration() {
        return Map.of(MispSettings.BASE_URL, SERVER.url(), MispSettings.API_KEY, MispServer.KEY,
                MispSettings.PAGE_SIZE, 10);
    }
}
