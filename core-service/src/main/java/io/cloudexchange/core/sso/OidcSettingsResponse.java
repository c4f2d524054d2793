package io.cloudexchange.core.sso;

import java.util.List;

/** OpenID Connect settings as the API shows them: whether a client secret is set, never the secret. */
record OidcSettingsResponse(boolean enabled, String issuerUri, String clientId, boolean clientSecretSet,
                            List<String> scopes, String groupsClaim, List<OidcSettings.GroupRoles> groupRoles,
                            String defaultRole) {

    static OidcSettingsResponse of(OidcSettings settings) {
        return new OidcSettingsResponse(settings.enabled(), settings.issuerUri(), settings.clientId(),
                settings.encryptedClientSecret() != null, settings.scopes(), settings.groupsClaim(),
                settings.groupRoles(), settings.defaultRole() == null ? OidcSettingsService.DENY : settings.defaultRole());
    }
}
