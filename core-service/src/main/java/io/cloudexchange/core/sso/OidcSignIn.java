package io.cloudexchange.core.sso;

import io.cloudexchange.core.api.AuthenticationFailedException;
import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.core.audit.AuditAction;
import io.cloudexchange.core.audit.AuditLog;
import io.cloudexchange.core.auth.AddressThrottle;
import io.cloudexchange.core.auth.TokenResponse;
import io.cloudexchange.core.logging.PlatformLog;
import io.cloudexchange.core.secrets.SecretCipher;
import io.cloudexchange.core.security.TokenIssuer;
import io.cloudexchange.core.users.User;
import io.cloudexchange.core.users.UserAccounts;
import io.cloudexchange.core.users.UserRepository;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
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
 * (signature against the IdP's JWKS, issuer, audience, expiry, nonce) before it provisions the user and
 * issues a platform token.
 */
@Service
class OidcSignIn {

    private static final String REFUSED = "Single sign-on refused";

    private final OidcSettingsService settings;
    private final SecretCipher cipher;
    private final UserRepository users;
    private final UserAccounts accounts;
    private final TokenIssuer tokens;
    private final AuditLog auditLog;
    private final PlatformLog platformLog;
    private final Clock clock;
    private final AddressThrottle throttle;
    private final RestClientAuthorizationCodeTokenResponseClient tokenClient =
            new RestClientAuthorizationCodeTokenResponseClient();
    private final OidcIdTokenDecoderFactory idTokenDecoders = new OidcIdTokenDecoderFactory();

    OidcSignIn(OidcSettingsService settings, SecretCipher cipher, UserRepository users, UserAccounts accounts,
               TokenIssuer tokens, AuditLog auditLog, PlatformLog platformLog, Clock clock, AddressThrottle throttle) {
        this.throttle = throttle;
        this.settings = settings;
        this.cipher = cipher;
        this.users = users;
        this.accounts = accounts;
        this.tokens = tokens;
        this.auditLog = auditLog;
        this.platformLog = platformLog;
        this.clock = clock;
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
        throttle.checkAllowed(AuditLog.currentSourceAddress());
        OidcSettings current = settings.current();
        ClientRegistration registration = registration(request.redirectUri());
        Jwt idToken = verifiedIdToken(registration, request);
        String username = usernameOf(idToken);
        Set<String> roles = rolesOf(current, idToken);
        if (roles.isEmpty()) {
            return refuse(username, "is in no mapped group and the default is deny");
        }
        User user = users.findByUsername(username).orElse(null);
        if (user == null) {
            users.save(User.create(username, null, roles, false, clock.instant()));
            platformLog.info(PlatformLog.PLATFORM_SOURCE, "Single sign-on user '" + username + "' created with roles " + roles);
        } else if (user.passwordHash() != null) {
            return refuse(username, "is a local account");
        } else if (user.disabled()) {
            return refuse(username, "is disabled");
        } else if (!user.roles().equals(roles)) {
            accounts.setAccess(username, roles, false);
        }
        accounts.recordSuccessfulLogin(username);
        auditLog.recordSignIn(AuditAction.LOGIN, username, null);
        User signedIn = users.findByUsername(username).orElseThrow();
        return TokenResponse.of(tokens.forUser(signedIn), false);
    }

    private Jwt verifiedIdToken(ClientRegistration registration, OidcLoginRequest request) {
        OAuth2AuthorizationRequest authorization = authorizationRequest(registration, request.redirectUri(),
                request.state(), request.nonce(), null, request.codeVerifier());
        OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success(request.code())
                .redirectUri(request.redirectUri()).state(request.state()).build();
        try {
            OAuth2AccessTokenResponse tokenResponse = tokenClient.getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(
                    registration, new OAuth2AuthorizationExchange(authorization, response)));
            Object idToken = tokenResponse.getAdditionalParameters().get(OidcParameterNames.ID_TOKEN);
            if (!(idToken instanceof String value)) {
                throw new JwtException("The identity provider returned no ID token");
            }
            Jwt jwt = idTokenDecoders.createDecoder(registration).decode(value);
            if (!request.nonce().equals(jwt.getClaimAsString(OidcParameterNames.NONCE))) {
                throw new JwtException("The ID token's nonce does not match");
            }
            return jwt;
        } catch (OAuth2AuthorizationException | JwtException e) {
            auditLog.recordSignIn(AuditAction.LOGIN_FAILED, "sso", null);
            throttle.recordFailure(AuditLog.currentSourceAddress());
            platformLog.warn(PlatformLog.PLATFORM_SOURCE, null, "Single sign-on failed: " + e.getMessage());
            throw new AuthenticationFailedException(REFUSED);
        }
    }

    private TokenResponse refuse(String username, String why) {
        auditLog.recordSignIn(AuditAction.LOGIN_FAILED, username, null);
        throttle.recordFailure(AuditLog.currentSourceAddress());
        platformLog.warn(PlatformLog.PLATFORM_SOURCE, null, "Single sign-on refused: '" + username + "' " + why);
        throw new AuthenticationFailedException(REFUSED);
    }

    private static String usernameOf(Jwt idToken) {
        for (String claim : List.of("preferred_username", "email", "sub")) {
            String value = idToken.getClaimAsString(claim);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        throw new AuthenticationFailedException(REFUSED);
    }

    private static Set<String> rolesOf(OidcSettings settings, Jwt idToken) {
        Object claim = idToken.getClaims().get(settings.groupsClaim());
        Collection<?> groups = claim instanceof Collection<?> many ? many : claim == null ? List.of() : List.of(claim);
        Set<String> roles = new LinkedHashSet<>();
        for (OidcSettings.GroupRoles mapping : settings.groupRoles()) {
            if (groups.stream().anyMatch(group -> mapping.group().equals(String.valueOf(group)))) {
                roles.addAll(mapping.roles());
            }
        }
        if (roles.isEmpty() && settings.defaultRole() != null) {
            roles.add(settings.defaultRole());
        }
        return roles;
    }

    private ClientRegistration registration(String redirectUri) {
        OidcSettings current = settings.current();
        if (!current.enabled()) {
            throw new InvalidRequestException(Map.of("sso", "single sign-on is not enabled"), null);
        }
        try {
            return ClientRegistrations.fromIssuerLocation(current.issuerUri())
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
