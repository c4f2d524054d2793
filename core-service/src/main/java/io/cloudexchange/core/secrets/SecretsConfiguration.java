package io.cloudexchange.core.secrets;

import io.cloudexchange.core.config.CloudExchangeProperties;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    static final String MASTER_KEY_FILE = "secrets/master.key";

    @Bean
    SecretCipher secretCipher(CloudExchangeProperties properties) {
        byte[] key = KeyFiles.readOrCreate(properties.dataDir().resolve(MASTER_KEY_FILE), 32);
        return new SecretCipher(new SecretKeySpec(key, "AES"));
    }
}
