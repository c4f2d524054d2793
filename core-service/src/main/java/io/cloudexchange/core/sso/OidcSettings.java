package io.cloudexchange.core.sso;

import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * OpenID Connect sign-in, one document with id {@link #ID}.
 *
 * @param encryptedClientSecret {@code SecretCipher} value, never returned by the API
 * @param groupRoles platform roles granted to members of each IdP group
 * @param defaultRole role for a user in no mapped group; null refuses such users
 */
@Document("sso_settings")
public record OidcSettings(@Id String id, boolean enabled, String issuerUri, String clientId,
                           String encryptedClientSecret, List<String> scopes, String groupsClaim,
                           List<GroupRoles> groupRoles, String defaultRole) {

    public static final String ID = "oidc";

    public OidcSettings {
        scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile", "email") : List.copyOf(scopes);
        groupsClaim = groupsClaim == null || groupsClaim.isBlank() ? "groups" : groupsClaim;
        groupRoles = groupRoles == null ? List.of() : List.copyOf(groupRoles);
    }

    public static OidcSettings off() {
        return new OidcSettings(ID, false, null, null, null, null, null, null, null);
    }

    /** A group name and the roles its members get. */
    public record GroupRoles(String group, Set<String> roles) {
        public GroupRoles {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }
    }
}
