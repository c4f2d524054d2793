package io.cloudexchange.plugins.webhook;

import io.cloudexchange.plugin.testkit.LogDestinationContractTest;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class WebhookContractTest extends LogDestinationContractTest<WebhookPlugin> {

    private FakeWebhook webhook;

    @BeforeEach
    void start() throws IOException {
        webhook = new FakeWebhook();
    }

    @AfterEach
    void stop() {
        webhook.close();
    }

    @Override
    protected WebhookPlugin createPlugin() {
        return new WebhookPlugin();
    }

    @Override
    protected Map<String, Object> validConfiguration() {
        return Map.of("url", webhook.url(), "auth_header_name", "X-Api-Key", "auth_header_value", FakeWebhook.SECRET);
    }
}
