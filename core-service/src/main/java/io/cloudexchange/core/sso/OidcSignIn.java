package io.cloudexchange.core.sso;

import io.cloudexchange.core.api.AuthenticationFailedException;
import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.core.auth.TokenResponse;
import io.cloudexchange.core.logging.PlatformLog;
import io.cloudexchange.core.secrets.SecretCipher;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Service;

/**
 * OpenID Connect sign-in, performed by the core: it builds the authorization URL, redeems the code with the
 * client secret (which never leaves the core) and the caller's PKCE verifier, and checks the ID token itself
 * (signature against the IdP's JWKS, issuer, audience, expiry, nonce) before {@link SsoUsers} provisions the
 * user and issues a platform token. IdP calls go through {@link OidcProvider} (platform proxy, cached discovery).
 */
@Service
class OidcSignIn {

    private final OidcSettingsService settings;
    private final SecretCipher cipher;
    private final OidcProvider provider;
    private final SsoUsers ssoUsers;
    private final PlatformLog platformLog;

    OidcSignIn(OidcSettingsService settings, SecretCipher cipher, OidcProvider provider, SsoUsers ssoUsers,
               PlatformLog platformLog) {
        this.settings = settings;
        this.cipher = cipher;
        this.provider = provider;
        this.ssoUsers = ssoUsers;
        this.platformLog = platformLog;
    }

    boolean enabled() {
        return settings.current().enabled();
    }

    /** The IdP URL to send the browser to. */
    String authorizationUri(OidcStartRequest request) {
        request.requireComplete();
        return authorizationRequest(registration(request.redirectUri()), request.redirectUri(), request.state(),
                request.nonce(), request.codeChallenge(), null).getAuthorizationRequestUri();
    }

    TokenResponse login(OidcLoginRequest request) {
        request.requireComplete();
        ssoUsers.checkAllowed();
        OidcSettings current = settings.current();
        ClientRegistration registration = registration(request.redirectUri());
        Jwt idToken = verifiedIdToken(registration, request);
        return ssoUsers.signIn(usernameOf(idToken), groupsOf(current, idToken), current.groupRoles(), current.defaultRole());
    }

    private Jwt verifiedIdToken(ClientRegistration registration, OidcLoginRequest request) {
        OAuth2AuthorizationRequest authorization = authorizationRequest(registration, request.redirectUri(),
                request.state(), request.nonce(), null, request.codeVerifier());
        OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success(request.code())
                .redirectUri(request.redirectUri()).state(request.state()).build();
        try {
            OAuth2AccessTokenResponse tokenResponse = provider.tokenClient().getTokenResponse(
                    new OAuth2AuthorizationCodeGrantRequest(registration, new OAuth2AuthorizationExchange(authorization, response)));
            Object idToken = tokenResponse.getAdditionalParameters().get(OidcParameterNames.ID_TOKEN);
            if (!(idToken instanceof String value)) {
                throw new JwtException("The identity provider returned no ID token");
            }
            Jwt jwt = provider.idTokenDecoder(registration).decode(value);
            if (!request.nonce().equals(jwt.getClaimAsString(OidcParameterNames.NONCE))) {
                throw new JwtException("The ID token's nonce does not match");
            }
            return jwt;
        } catch (OAuth2AuthorizationException | JwtException e) {
            throw ssoUsers.failed("OpenID Connect", e.getMessage());
        }
    }

    private static String usernameOf(Jwt idToken) {
        for (String claim : List.of("preferred_username", "email", "sub")) {
            String value = idToken.getClaimAsString(claim);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        throw new AuthenticationFailedException(SsoUsers.REFUSED);
    }

    private static Collection<?> groupsOf(OidcSettings settings, Jwt idToken) {
        Object claim = idToken.getClaims().get(settings.groupsClaim());
        return claim instanceof Collection<?> many ? many : claim == null ? List.of() : List.of(claim);
    }

    private ClientRegistration registration(String redirectUri) {
        OidcSettings current = settings.current();
        if (!current.enabled()) {
            throw new InvalidRequestException(Map.of("sso", "single sign-on is not enabled"), null);
        }
        try {
            return provider.registration(current.issuerUri())
                    .registrationId(OidcSettings.ID)
                    .clientId(current.clientId())
                    .clientSecret(cipher.decrypt(current.encryptedClientSecret()))
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri(redirectUri)
                    .scope(current.scopes())
                    .build();
        } catch (RuntimeException e) {
            platformLog.warn(PlatformLog.PLATFORM_SOURCE, null, "Single sign-on: the identity provider at "
                    + current.issuerUri() + " could not be discovered: " + e.getMessage());
            throw new AuthenticationFailedException("The identity provider is not reachable");
        }
    }

    private static OAuth2AuthorizationRequest authorizationRequest(ClientRegistration registration, String redirectUri,
                                                                   String state, String nonce, String codeChallenge,
                                                                   String codeVerifier) {
        OAuth2AuthorizationRequest.Builder builder = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(registration.getProviderDetails().getAuthorizationUri())
                .clientId(registration.getClientId())
                .redirectUri(redirectUri)
                .scopes(registration.getScopes())
                .state(state);
        if (codeChallenge != null) {
            builder.additionalParameters(Map.of(OidcParameterNames.NONCE, nonce,
                    PkceParameterNames.CODE_CHALLENGE, codeChallenge,
                    PkceParameterNames.CODE_CHALLENGE_METHOD, "S256"));
        } else {
            builder.attributes(Map.of(PkceParameterNames.CODE_VERIFIER, codeVerifier, OidcParameterNames.NONCE, nonce));
        }
        return builder.build();
    }
}
