package io.cloudexchange.core.sso;

import io.cloudexchange.core.users.CustomRoleRepository;
import io.cloudexchange.core.users.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Checks a group-to-role mapping and default role: known roles only, never SUPER_ADMIN. */
@Component
public class SsoRoleRules {

    /** The {@code defaultRole} value that refuses users in no mapped group. */
    public static final String DENY = "deny";

    private final CustomRoleRepository customRoles;

    SsoRoleRules(CustomRoleRepository customRoles) {
        this.customRoles = customRoles;
    }

    /** {@code null} for "deny", blank or missing; the role otherwise. */
    public static String defaultRoleOf(String requested) {
        return requested == null || requested.isBlank() || DENY.equalsIgnoreCase(requested) ? null : requested.strip();
    }

    public void check(List<OidcSettings.GroupRoles> groupRoles, String defaultRole, Map<String, String> problems) {
        for (int i = 0; i < groupRoles.size(); i++) {
            OidcSettings.GroupRoles mapping = groupRoles.get(i);
            if (mapping.group() == null || mapping.group().isBlank()) {
                problems.put("groupRoles[" + i + "].group", "is required");
            }
            roleProblem(List.copyOf(mapping.roles())).ifPresent(p -> problems.put("groupRoles[" + mapping.group() + "].roles", p));
        }
        if (defaultRole != null) {
            roleProblem(List.of(defaultRole)).ifPresent(p -> problems.put("defaultRole", p));
        }
    }

    private Optional<String> roleProblem(List<String> roles) {
        if (roles.isEmpty()) {
            return Optional.of("at least one role is required");
        }
        for (String role : roles) {
            if (Role.SUPER_ADMIN.name().equals(role)) {
                return Optional.of("SUPER_ADMIN cannot be granted through single sign-on");
            }
            if (Role.named(role).isEmpty() && !customRoles.existsById(role)) {
                return Optional.of("unknown role '" + role + "'");
            }
        }
        return Optional.empty();
    }
}
