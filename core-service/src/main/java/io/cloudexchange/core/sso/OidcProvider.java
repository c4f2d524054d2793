package io.cloudexchange.core.sso;

import io.cloudexchange.core.runtime.http.PluginHttpClients;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.converter.ClaimTypeConverter;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * The identity provider's endpoints as the core reaches them: every call (discovery, token, JWKS) goes through
 * the platform proxy when one is set, and the discovery document is kept for {@link #DISCOVERY_TTL} instead of
 * being fetched at every sign-in. ID token decoders are kept per issuer, client, JWKS URI and HTTP client, so a
 * settings or proxy change never reuses an outdated one.
 */
@Component
class OidcProvider {

    static final Duration DISCOVERY_TTL = Duration.ofHours(1);
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    private final PluginHttpClients httpClients;
    private final Clock clock;
    private final Map<DiscoveryKey, Discovered> discovery = new ConcurrentHashMap<>();
    private final Map<DecoderKey, JwtDecoder> decoders = new ConcurrentHashMap<>();

    OidcProvider(PluginHttpClients httpClients, Clock clock) {
        this.httpClients = httpClients;
        this.clock = clock;
    }

    /**
     * The provider's discovery document ({@code /.well-known/openid-configuration}), cached with an expiry; fetched
     * again when the issuer or the route to it (platform proxy) changes.
     */
    Map<String, Object> configuration(String issuer) {
        Instant now = clock.instant();
        HttpClient http = httpClient();
        DiscoveryKey key = new DiscoveryKey(issuer, http);
        Discovered known = discovery.get(key);
        if (known != null && now.isBefore(known.expiresAt())) {
            return known.document();
        }
        Map<String, Object> document = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory(http)).build().get()
                .uri(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration")
                .retrieve().body(JSON_OBJECT);
        if (document == null || !issuer.equals(document.get("issuer"))) {
            throw new IllegalStateException("the discovery document's issuer is not " + issuer);
        }
        discovery.keySet().removeIf(other -> !other.equals(key));
        discovery.put(key, new Discovered(Map.copyOf(document), now.plus(DISCOVERY_TTL)));
        return document;
    }

    ClientRegistration.Builder registration(String issuer) {
        return ClientRegistrations.fromOidcConfiguration(configuration(issuer));
    }

    RestClientAuthorizationCodeTokenResponseClient tokenClient() {
        RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();
        client.setRestClient(RestClient.builder()
                .requestFactory(new JdkClientHttpRequestFactory(httpClient()))
                .messageConverters(java.util.List.of(new FormHttpMessageConverter(),
                        new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        return client;
    }

    /** Checks signature (RS256, the provider's JWKS), issuer, audience, authorized party and times. */
    JwtDecoder idTokenDecoder(ClientRegistration registration) {
        HttpClient http = httpClient();
        DecoderKey key = new DecoderKey(registration.getProviderDetails().getIssuerUri(), registration.getClientId(),
                registration.getProviderDetails().getJwkSetUri(), http);
        decoders.keySet().removeIf(other -> !other.equals(key));
        return decoders.computeIfAbsent(key, k -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(k.jwkSetUri())
                    .restOperations(new RestTemplate(new JdkClientHttpRequestFactory(http)))
                    .jwsAlgorithm(SignatureAlgorithm.RS256)
                    .build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
                    new OidcIdTokenValidator(registration)));
            decoder.setClaimSetConverter(new ClaimTypeConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverters()));
            return decoder;
        });
    }

    private HttpClient httpClient() {
        return httpClients.verifyingClient(true);
    }

    private record Discovered(Map<String, Object> document, Instant expiresAt) {
    }

    private record DiscoveryKey(String issuer, HttpClient http) {
    }

    private record DecoderKey(String issuer, String clientId, String jwkSetUri, HttpClient http) {
    }
}
