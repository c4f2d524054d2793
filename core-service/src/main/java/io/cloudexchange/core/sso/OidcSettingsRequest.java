package io.cloudexchange.core.sso;

import java.util.List;

/** Changes OpenID Connect settings; an empty or missing clientSecret keeps the stored one. */
record OidcSettingsRequest(Boolean enabled, String issuerUri, String clientId, String clientSecret,
                           List<String> scopes, String groupsClaim, List<OidcSettings.GroupRoles> groupRoles,
                           String defaultRole) {

    boolean keepsSecret() {
        return clientSecret == null || clientSecret.isEmpty();
    }
}
