package io.cloudexchange.core.sso.saml;

import io.cloudexchange.core.sso.OidcSettings;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * SAML 2.0 sign-in, one document with id {@link #ID} in {@code sso_settings} (next to OpenID Connect's).
 * Nothing secret: the service provider signs nothing and decrypts nothing, so it holds no private key.
 *
 * @param spBaseUrl the gateway's external URL; the SP entity id and ACS URL are derived from it, never from a
 *                  request's Host header
 * @param certificates the IdP's signing certificates, PEM; a signature by any of them is accepted (key rollover)
 * @param usernameAttribute attribute holding the username; null uses the assertion's NameID
 * @param defaultRole role for a user in no mapped group; null refuses such users
 */
@Document("sso_settings")
public record SamlSettings(@Id String id, boolean enabled, String spBaseUrl, String idpEntityId, String ssoUrl,
                           List<String> certificates, String usernameAttribute, String groupsAttribute,
                           List<OidcSettings.GroupRoles> groupRoles, String defaultRole) {

    public static final String ID = "saml";
    static final String METADATA_PATH = "/saml/metadata";
    static final String ACS_PATH = "/login/sso/saml/acs";

    public SamlSettings {
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
        groupsAttribute = groupsAttribute == null || groupsAttribute.isBlank() ? "groups" : groupsAttribute;
        groupRoles = groupRoles == null ? List.of() : List.copyOf(groupRoles);
    }

    static SamlSettings off() {
        return new SamlSettings(ID, false, null, null, null, null, null, null, null, null);
    }

    /** The service provider's entity id: the URL its metadata is served at. */
    String spEntityId() {
        return spBaseUrl == null ? null : spBaseUrl + METADATA_PATH;
    }

    /** Where the IdP posts its Response (HTTP-POST binding), on the gateway. */
    String acsUrl() {
        return spBaseUrl == null ? null : spBaseUrl + ACS_PATH;
    }
}
