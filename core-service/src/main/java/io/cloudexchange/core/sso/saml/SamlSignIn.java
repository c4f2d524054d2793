package io.cloudexchange.core.sso.saml;

import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.core.auth.TokenResponse;
import io.cloudexchange.core.sso.SsoUsers;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * SAML 2.0 sign-in (SP-initiated, Web Browser SSO profile), performed by the core: it writes the AuthnRequest and
 * remembers its ID, then validates the Response the gateway forwards ({@link SamlResponseValidator}), accepts it
 * only as the answer to an outstanding request of the same browser flow and only once, and lets {@link SsoUsers}
 * sign the user in exactly as for OpenID Connect.
 */
@Service
public class SamlSignIn {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SamlSettingsService settings;
    private final SamlRequestStore store;
    private final SsoUsers ssoUsers;
    private final Clock clock;

    SamlSignIn(SamlSettingsService settings, SamlRequestStore store, SsoUsers ssoUsers, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.ssoUsers = ssoUsers;
        this.clock = clock;
    }

    public boolean enabled() {
        return settings.current().enabled();
    }

    String redirectUrl(SamlStartRequest request) {
        request.requireValid();
        SamlSettings current = enabledSettings();
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        String requestId = "_" + HexFormat.of().formatHex(bytes);
        store.remember(requestId, request.relayState());
        return SamlMessages.redirectUrl(current, requestId, request.relayState(), clock.instant());
    }

    TokenResponse login(SamlLoginRequest request) {
        request.requireComplete();
        ssoUsers.checkAllowed();
        SamlSettings current = enabledSettings();
        SamlAssertion assertion;
        try {
            byte[] xml = decode(request.samlResponse());
            assertion = new SamlResponseValidator(current, clock.instant()).validate(SamlXml.parse(xml));
            store.consume(assertion.inResponseTo(), request.relayState());
            store.useOnce(current.idpEntityId(), assertion.assertionId(), assertion.usableUntil());
        } catch (SamlRejected e) {
            throw ssoUsers.failed("SAML", e.getMessage());
        }
        return ssoUsers.signIn(assertion.username(), assertion.groups(), current.groupRoles(), current.defaultRole());
    }

    /** The SP metadata, or null while no SP base URL is configured. */
    String metadata() {
        SamlSettings current = settings.current();
        return current.spBaseUrl() == null ? null : SamlMessages.serviceProviderMetadata(current);
    }

    private SamlSettings enabledSettings() {
        SamlSettings current = settings.current();
        if (!current.enabled()) {
            throw new InvalidRequestException(Map.of("sso", "SAML single sign-on is not enabled"), null);
        }
        return current;
    }

    private static byte[] decode(String samlResponse) {
        try {
            return Base64.getMimeDecoder().decode(samlResponse);
        } catch (IllegalArgumentException e) {
            throw new SamlRejected("the SAMLResponse is not base64");
        }
    }
}
