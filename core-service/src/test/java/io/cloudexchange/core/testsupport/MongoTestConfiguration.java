package io.cloudexchange.core.testsupport;

import io.cloudexchange.core.config.CloudExchangeProperties;
import io.cloudexchange.core.configurations.PluginConfigurationRepository;
import io.cloudexchange.core.logging.PlatformLog;
import io.cloudexchange.core.logging.PlatformLogRepository;
import io.cloudexchange.core.secrets.SecretCipher;
import io.cloudexchange.core.settings.PlatformSettingsRepository;
import io.cloudexchange.core.settings.SettingsService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.SecureRandom;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.repository.config.EnableMongoRepositories;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The shared core beans on an in-memory MongoDB: repositories, platform log, settings, a secret
 * cipher with a random key, a {@link MutableClock} and a simple meter registry.
 */
@TestConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({MongoAutoConfiguration.class, DataMongoAutoConfiguration.class,
        JacksonAutoConfiguration.class})
@EnableMongoRepositories(basePackageClasses = {PluginConfigurationRepository.class, PlatformLogRepository.class,
        PlatformSettingsRepository.class})
@EnableConfigurationProperties(CloudExchangeProperties.class)
@Import({PlatformLog.class, SettingsService.class})
public class MongoTestConfiguration {

    @Bean
    DynamicPropertyRegistrar memoryMongo() {
        return registry -> registry.add("spring.mongodb.uri", MemoryMongo::uri);
    }

    @Bean
    MutableClock clock() {
        return new MutableClock();
    }

    @Bean
    SecretCipher secretCipher() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretCipher(new SecretKeySpec(key, "AES"));
    }

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
