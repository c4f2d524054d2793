package io.cloudexchange.plugins.textfeed;

import io.cloudexchange.plugin.testkit.ThreatIntelSourceContractTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

class TextFeedContractTest extends ThreatIntelSourceContractTest<TextFeedPlugin> {

    private static final FeedServer FEED = start();

    private static FeedServer start() {
        try {
            return new FeedServer().serve("# bad domains\nbad.example.com\n203.0.113.7\n" + "a".repeat(64) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        FEED.close();
    }

    @Override
    protected TextFeedPlugin createPlugin() {
        return new TextFeedPlugin();
    }

    @Override
    protected Map<String, Object> validConfiguration() {
        return Map.of(FeedSettings.URL, FEED.url("/feed"));
    }
}
