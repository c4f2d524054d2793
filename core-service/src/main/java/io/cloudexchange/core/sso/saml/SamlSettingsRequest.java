package io.cloudexchange.core.sso.saml;

import io.cloudexchange.core.sso.OidcSettings;
import java.util.List;

/**
 * Changes SAML settings. Either {@code metadataXml} (the IdP's metadata; its entity id, HTTP-Redirect SSO URL
 * and signing certificates replace the three manual fields) or {@code idpEntityId}, {@code ssoUrl} and
 * {@code certificates} (PEM, one or more blocks).
 */
record SamlSettingsRequest(Boolean enabled, String spBaseUrl, String metadataXml, String idpEntityId, String ssoUrl,
                           String certificates, String usernameAttribute, String groupsAttribute,
                           List<OidcSettings.GroupRoles> groupRoles, String defaultRole) {

    boolean hasMetadata() {
        return metadataXml != null && !metadataXml.isBlank();
    }
}
