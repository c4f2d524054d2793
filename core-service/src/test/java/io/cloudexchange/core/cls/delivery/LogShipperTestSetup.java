package io.cloudexchange.core.cls.delivery;

import io.cloudexchange.core.cls.TcpLineReceiver;
import io.cloudexchange.core.cls.TestLogMappers;
import io.cloudexchange.core.cls.mapping.LogMappers;
import io.cloudexchange.core.cls.rules.BusinessRule;
import io.cloudexchange.core.cls.siem.SiemMapping;
import io.cloudexchange.core.cls.siem.SiemMappingRepository;
import io.cloudexchange.core.configurations.PluginConfiguration;
import io.cloudexchange.core.configurations.PluginConfigurationRepository;
import io.cloudexchange.core.testplugin.TcpLineDestinationPlugin;
import io.cloudexchange.core.testplugin.TestLogSourcePlugin;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.cls.LogFormat;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Saves the configurations and SIEM mapping a pipeline test ships through, and reads its counters. */
final class LogShipperTestSetup {

    private LogShipperTestSetup() {
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Mappers {
        @Bean
        @org.springframework.context.annotation.Primary
        TestLogMappers testLogMappers(@org.springframework.beans.factory.annotation.Qualifier("compiledLogMappers")
                                      io.cloudexchange.core.cls.mapping.LogMappers real) {
            return new TestLogMappers(real);
        }
    }

    record Route(PluginConfiguration source, PluginConfiguration destination, SiemMapping mapping) {
    }

    static Route route(PluginConfigurationRepository configurations, SiemMappingRepository mappings,
                       TcpLineReceiver receiver, boolean sourceEnabled, Map<String, Object> sourceParameters) {
        Instant now = Instant.now();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        PluginConfiguration source = configurations.save(new PluginConfiguration(null, "source " + suffix,
                TestLogSourcePlugin.ID, PlatformModule.CLS, sourceParameters, Map.of(), sourceEnabled, 10, false, true,
                now, now, null));
        PluginConfiguration destination = configurations.save(new PluginConfiguration(null, "receiver " + suffix,
                TcpLineDestinationPlugin.ID, PlatformModule.CLS, Map.of("host", "127.0.0.1", "port", receiver.port()),
                Map.of(), true, 300, false, true, now, now, null));
        SiemMapping mapping = mappings.save(new SiemMapping(null, "mapping " + suffix, source.id(), BusinessRule.ALL_ID,
                destination.id(), TestLogMappers.FILE, LogFormat.JSON, true, null, now, now, null));
        return new Route(source, destination, mapping);
    }

    static double count(MeterRegistry meters, SiemMapping mapping, String outcome) {
        Counter counter = meters.find("cloudexchange.cls.records").tag("mapping", mapping.id()).tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
