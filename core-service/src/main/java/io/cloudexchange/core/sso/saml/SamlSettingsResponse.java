package io.cloudexchange.core.sso.saml;

import io.cloudexchange.core.sso.OidcSettings;
import io.cloudexchange.core.sso.SsoRoleRules;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * SAML settings as the API shows them, with what the admin registers at the IdP (SP entity id, ACS URL,
 * SP metadata URL) and warnings (e.g. an expired certificate).
 */
record SamlSettingsResponse(boolean enabled, String spBaseUrl, String spEntityId, String acsUrl, String spMetadataUrl,
                            String idpEntityId, String ssoUrl, List<Certificate> certificates,
                            String usernameAttribute, String groupsAttribute, List<OidcSettings.GroupRoles> groupRoles,
                            String defaultRole, List<String> warnings) {

    record Certificate(String subject, Instant notBefore, Instant notAfter, String sha256, String pem) {
    }

    static SamlSettingsResponse of(SamlSettings settings, Instant now) {
        List<Certificate> certificates = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (String pem : settings.certificates()) {
            X509Certificate certificate = IdpCertificates.parsePem(pem).get(0);
            certificates.add(new Certificate(certificate.getSubjectX500Principal().getName(),
                    certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(),
                    IdpCertificates.sha256Fingerprint(certificate), pem));
            String warning = IdpCertificates.warning(certificate, now);
            if (warning != null) {
                warnings.add(warning);
            }
        }
        if (settings.ssoUrl() != null && settings.ssoUrl().startsWith("http:")) {
            warnings.add("the SSO URL is not HTTPS");
        }
        return new SamlSettingsResponse(settings.enabled(), settings.spBaseUrl(), settings.spEntityId(),
                settings.acsUrl(), settings.spEntityId(), settings.idpEntityId(), settings.ssoUrl(), certificates,
                settings.usernameAttribute(), settings.groupsAttribute(), settings.groupRoles(),
                settings.defaultRole() == null ? SsoRoleRules.DENY : settings.defaultRole(), warnings);
    }
}
