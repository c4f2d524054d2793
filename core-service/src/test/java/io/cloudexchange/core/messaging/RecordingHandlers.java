package io.cloudexchange.core.messaging;

import io.cloudexchange.plugin.api.PlatformModule;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Handlers for messaging tests: CTE records every batch, CTO fails transiently on each batch's first
 * delivery, CLS always fails permanently. CRE and ARE have no handler.
 */
@TestConfiguration(proxyBeanMethods = false)
class RecordingHandlers {

    @Bean
    Recording cteHandler() {
        return new Recording(PlatformModule.CTE);
    }

    @Bean
    FlakyOnce ctoHandler() {
        return new FlakyOnce(PlatformModule.CTO);
    }

    @Bean
    AlwaysBroken clsHandler() {
        return new AlwaysBroken(PlatformModule.CLS);
    }

    static class Recording implements BatchHandler {
        private final PlatformModule module;
        final List<BatchMessage> handled = new CopyOnWriteArrayList<>();

        Recording(PlatformModule module) {
            this.module = module;
        }

        @Override
        public PlatformModule module() {
            return module;
        }

        @Override
        public void handle(BatchMessage batch) {
            handled.add(batch);
        }

        boolean hasHandled(String batchId) {
            return handled.stream().anyMatch(batch -> batch.batchId().equals(batchId));
        }
    }

    static class FlakyOnce extends Recording {
        final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

        FlakyOnce(PlatformModule module) {
            super(module);
        }

        @Override
        public void handle(BatchMessage batch) {
            if (deliveries.computeIfAbsent(batch.batchId(), id -> new AtomicInteger()).incrementAndGet() == 1) {
                throw new TransientBatchException("database briefly unavailable", null);
            }
            super.handle(batch);
        }
    }

    static class AlwaysBroken implements BatchHandler {
        private final PlatformModule module;

        AlwaysBroken(PlatformModule module) {
            this.module = module;
        }

        @Override
        public PlatformModule module() {
            return module;
        }

        @Override
        public void handle(BatchMessage batch) {
            throw new IllegalArgumentException("record 1 has no value");
        }
    }
}
