package io.cloudexchange.gateway.settings;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code GET /api/settings/sso}: the client secret itself is never sent back. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SsoSettings(boolean enabled, String issuerUri, String clientId, boolean clientSecretSet,
        List<String> scopes, String groupsClaim, List<GroupRoles> groupRoles, String defaultRole) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GroupRoles(String group, Set<String> roles) {
    }

    /** One line per group: {@code group = ROLE_A, ROLE_B}. */
    public String groupRolesText() {
        StringBuilder text = new StringBuilder();
        for (GroupRoles mapping : groupRoles == null ? List.<GroupRoles>of() : groupRoles) {
            text.append(mapping.group()).append(" = ").append(String.join(", ", mapping.roles().stream().sorted().toList()))
                    .append('\n');
        }
        return text.toString();
    }

    public String scopesText() {
        return scopes == null ? "" : String.join(" ", scopes);
    }
}
