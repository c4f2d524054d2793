package io.cloudexchange.plugins.crowdstrike;

import io.cloudexchange.plugin.testkit.ThreatIntelDestinationContractTest;
import io.cloudexchange.plugin.testkit.ThreatIntelSourceContractTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;

/** The platform's source and destination contracts against a local Falcon API. */
class CrowdStrikeContractTests {

    private static final FalconServer FALCON = start();

    private static FalconServer start() {
        try {
            FalconServer server = new FalconServer();
            for (int i = 0; i < 5; i++) {
                server.ioc("domain", "c2-" + i + ".example", "intel-team", Instant.parse("2025-12-30T00:00:00Z").plusSeconds(i));
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        FALCON.close();
    }

    static Map<String, Object> configuration() {
        return Map.of(FalconSettings.BASE_URL, FALCON.url(), FalconSettings.CLIENT_ID, FalconServer.CLIENT_ID,
                FalconSettings.CLIENT_SECRET, FalconServer.SECRET, FalconSettings.PAGE_SIZE, 2);
    }

    @Nested
    class Source extends ThreatIntelSourceContractTest<CrowdStrikePlugin> {

        @Override
        protected CrowdStrikePlugin createPlugin() {
            return new CrowdStrikePlugin();
        }

        @Override
        protected Map<String, Object> validConfiguration() {
            return configuration();
        }
    }

    @Nested
    class Destination extends ThreatIntelDestinationContractTest<CrowdStrikePlugin> {

        @Override
        protected CrowdStrikePlugin createPlugin() {
            return new CrowdStrikePlugin();
        }

        @Override
        protected Map<String, Object> validConfiguration() {
            return configuration();
        }
    }
}
