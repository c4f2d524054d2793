package io.cloudexchange.core.security;

import io.cloudexchange.core.config.CloudExchangeProperties;
import io.cloudexchange.core.secrets.KeyFiles;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The HS256 key of the bearer tokens, {@code <data-dir>/secrets/jwt.key}. Every core node of a
 * cluster must share it. Extra {@link OAuth2TokenValidator} beans (e.g. revocation checks) are applied
 * after the signature, issuer and expiry checks.
 */
@Configuration(proxyBeanMethods = false)
class TokenKeyConfiguration {

    static final String JWT_KEY_FILE = "secrets/jwt.key";

    @Bean
    JwtEncoder jwtEncoder(CloudExchangeProperties properties) {
        return NimbusJwtEncoder.withSecretKey(signingKey(properties)).algorithm(MacAlgorithm.HS256).build();
    }

    @Bean
    JwtDecoder jwtDecoder(CloudExchangeProperties properties, ObjectProvider<OAuth2TokenValidator<Jwt>> extraValidators) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(signingKey(properties))
                .macAlgorithm(MacAlgorithm.HS256).build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtTimestampValidator());
        validators.add(new JwtIssuerValidator(TokenClaims.ISSUER));
        extraValidators.orderedStream().forEach(validators::add);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    private static SecretKey signingKey(CloudExchangeProperties properties) {
        byte[] key = KeyFiles.readOrCreate(properties.dataDir().resolve(JWT_KEY_FILE), 32);
        return new SecretKeySpec(key, "HmacSHA256");
    }
}
