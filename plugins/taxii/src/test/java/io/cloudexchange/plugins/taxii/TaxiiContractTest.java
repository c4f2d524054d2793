package io.cloudexchange.plugins.taxii;

import io.cloudexchange.plugin.testkit.ThreatIntelSourceContractTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

class TaxiiContractTest extends ThreatIntelSourceContractTest<TaxiiPlugin> {

    private static final TaxiiServer SERVER = start();

    private static TaxiiServer start() {
        try {
            TaxiiServer server = new TaxiiServer().collection("c1", "Malicious URLs");
            for (int i = 0; i < 5; i++) {
                server.add("c1", Instant.parse("2025-12-30T00:00:00Z").plusSeconds(i),
                        Stix.indicator("0000000" + i, "[url:value = 'https://bad" + i + ".example/']"));
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @Override
    protected TaxiiPlugin createPlugin() {
        return new TaxiiPlugin();
    }

    @Override
    protected Map<String, Object> validConfiguration() {
        return Map.of(TaxiiSettings.DISCOVERY_URL, SERVER.discoveryUrl(), TaxiiSettings.PAGE_SIZE, 2);
    }
}
