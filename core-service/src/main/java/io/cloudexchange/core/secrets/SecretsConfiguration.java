package io.cloudexchange.core.secrets;

import io.cloudexchange.core.config.CloudExchangeProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    @Bean
    SecretCipher secretCipher(CloudExchangeProperties properties) {
        return new SecretCipher(SecretKeyRing.load(properties.dataDir()));
    }
}
