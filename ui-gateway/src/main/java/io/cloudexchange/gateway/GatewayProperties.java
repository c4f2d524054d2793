package io.cloudexchange.gateway;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code cloudexchange.gateway}.
 *
 * @param coreUrl     base URL of core-service; {@code /api/**} is forwarded there
 * @param tlsVersions TLS protocol versions the HTTPS connector accepts
 * @param htmxVersion version of the htmx WebJar, filled in by the build
 */
@ConfigurationProperties("cloudexchange.gateway")
public record GatewayProperties(URI coreUrl, List<String> tlsVersions, String htmxVersion) {
}
