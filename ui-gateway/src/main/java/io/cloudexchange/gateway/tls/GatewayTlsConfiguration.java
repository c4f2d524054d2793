package io.cloudexchange.gateway.tls;

import java.nio.file.Files;
import java.nio.file.Path;

import io.cloudexchange.gateway.GatewayProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.ssl.SslBundleRegistrar;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the {@code gateway} SSL bundle used by the HTTPS connector ({@code server.ssl.bundle}) from the PEM
 * files in {@code <data-dir>/ssl_certs}.
 */
@Configuration(proxyBeanMethods = false)
class GatewayTlsConfiguration {

    static final String BUNDLE_NAME = "gateway";

    @Bean
    SslBundleRegistrar gatewaySslBundle(@Value("${cloudexchange.data-dir}") Path dataDir,
            GatewayProperties properties) {
        Path certificate = dataDir.resolve("ssl_certs/cte_cert.crt").toAbsolutePath().normalize();
        Path privateKey = dataDir.resolve("ssl_certs/cte_cert_key.key").toAbsolutePath().normalize();
        return registry -> {
            requireReadable(certificate, privateKey);
            PemSslStoreDetails keyStore = PemSslStoreDetails.forCertificate(certificate.toUri().toString())
                    .withPrivateKey(privateKey.toUri().toString());
            String[] protocols = properties.tlsVersions().toArray(String[]::new);
            registry.registerBundle(BUNDLE_NAME,
                    SslBundle.of(new PemSslStoreBundle(keyStore, null), null, SslOptions.of(null, protocols)));
        };
    }

    private static void requireReadable(Path certificate, Path privateKey) {
        if (!Files.isReadable(certificate) || !Files.isReadable(privateKey)) {
            throw new MissingCertificateException(certificate, privateKey);
        }
    }
}
