package io.cloudexchange.core.messaging;

import io.cloudexchange.plugin.api.PlatformModule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

final class TestBatches {

    private TestBatches() {
    }

    static BatchMessage batch(PlatformModule module) {
        return new BatchMessage(UUID.randomUUID().toString(), module, "config-1", "sample.plugin", "default",
                BatchMessage.Kind.INDICATORS, Instant.parse("2026-01-02T03:04:05Z"),
                List.of(Map.of("value", "198.51.100.7", "type", "IP"), Map.of("value", "example.test", "type", "DOMAIN")));
    }
}
