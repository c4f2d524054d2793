package io.cloudexchange.gateway.settings;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code GET /api/settings/sso/saml}: what the admin registers at the IdP, the IdP's settings and warnings. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SamlSsoSettings(boolean enabled, String spBaseUrl, String spEntityId, String acsUrl, String spMetadataUrl,
        String idpEntityId, String ssoUrl, List<Certificate> certificates, String usernameAttribute,
        String groupsAttribute, List<SsoSettings.GroupRoles> groupRoles, String defaultRole, List<String> warnings) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Certificate(String subject, String notAfter, String sha256, String pem) {
    }

    public String certificatesPem() {
        StringBuilder pem = new StringBuilder();
        for (Certificate certificate : certificates == null ? List.<Certificate>of() : certificates) {
            pem.append(certificate.pem());
        }
        return pem.toString();
    }

    public String groupRolesText() {
        return new SsoSettings(false, null, null, false, null, null, groupRoles, null).groupRolesText();
    }
}
