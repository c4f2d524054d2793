package io.cloudexchange.core.sso;

import io.cloudexchange.core.api.AuthenticationFailedException;
import io.cloudexchange.core.audit.AuditAction;
import io.cloudexchange.core.audit.AuditLog;
import io.cloudexchange.core.auth.AddressThrottle;
import io.cloudexchange.core.auth.TokenResponse;
import io.cloudexchange.core.logging.PlatformLog;
import io.cloudexchange.core.security.TokenIssuer;
import io.cloudexchange.core.users.User;
import io.cloudexchange.core.users.UserAccounts;
import io.cloudexchange.core.users.UserRepository;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * What every single sign-on protocol does once the identity provider vouched for a user: map its groups to
 * roles, provision or update the user (never a local account, never a disabled one), audit and issue the
 * platform token. Refusals count towards the per-address sign-in throttle.
 */
@Service
public class SsoUsers {

    public static final String REFUSED = "Single sign-on refused";

    private final UserRepository users;
    private final UserAccounts accounts;
    private final TokenIssuer tokens;
    private final AuditLog auditLog;
    private final PlatformLog platformLog;
    private final Clock clock;
    private final AddressThrottle throttle;

    SsoUsers(UserRepository users, UserAccounts accounts, TokenIssuer tokens, AuditLog auditLog,
             PlatformLog platformLog, Clock clock, AddressThrottle throttle) {
        this.users = users;
        this.accounts = accounts;
        this.tokens = tokens;
        this.auditLog = auditLog;
        this.platformLog = platformLog;
        this.clock = clock;
        this.throttle = throttle;
    }

    /** Refuses (429) an address that failed too often, before any identity provider work. */
    public void checkAllowed() {
        throttle.checkAllowed(AuditLog.currentSourceAddress());
    }

    /** Signs in a user the identity provider vouched for, with the roles its groups map to. */
    public TokenResponse signIn(String username, Collection<?> groups, List<OidcSettings.GroupRoles> mapping,
                                String defaultRole) {
        Set<String> roles = rolesOf(groups, mapping, defaultRole);
        if (roles.isEmpty()) {
            throw refused(username, "is in no mapped group and the default is deny");
        }
        User user = users.findByUsername(username).orElse(null);
        if (user == null) {
            users.save(User.create(username, null, roles, false, clock.instant()));
            platformLog.info(PlatformLog.PLATFORM_SOURCE, "Single sign-on user '" + username + "' created with roles " + roles);
        } else if (user.passwordHash() != null) {
            throw refused(username, "is a local account");
        } else if (user.disabled()) {
            throw refused(username, "is disabled");
        } else if (!user.roles().equals(roles)) {
            accounts.setAccess(username, roles, false);
        }
        accounts.recordSuccessfulLogin(username);
        auditLog.recordSignIn(AuditAction.LOGIN, username, null);
        User signedIn = users.findByUsername(username).orElseThrow();
        return TokenResponse.of(tokens.forUser(signedIn), false);
    }

    /** The identity provider's answer failed a check: audited as a failed "sso" sign-in, reason in the platform log. */
    public AuthenticationFailedException failed(String protocol, String reason) {
        auditLog.recordSignIn(AuditAction.LOGIN_FAILED, "sso", null);
        throttle.recordFailure(AuditLog.currentSourceAddress());
        platformLog.warn(PlatformLog.PLATFORM_SOURCE, null, protocol + " single sign-on failed: " + reason);
        return new AuthenticationFailedException(REFUSED);
    }

    private AuthenticationFailedException refused(String username, String why) {
        auditLog.recordSignIn(AuditAction.LOGIN_FAILED, username, null);
        throttle.recordFailure(AuditLog.currentSourceAddress());
        platformLog.warn(PlatformLog.PLATFORM_SOURCE, null, "Single sign-on refused: '" + username + "' " + why);
        return new AuthenticationFailedException(REFUSED);
    }

    static Set<String> rolesOf(Collection<?> groups, List<OidcSettings.GroupRoles> mapping, String defaultRole) {
        Set<String> roles = new LinkedHashSet<>();
        for (OidcSettings.GroupRoles groupRoles : mapping) {
            if (groups.stream().anyMatch(group -> groupRoles.group().equals(String.valueOf(group)))) {
                roles.addAll(groupRoles.roles());
            }
        }
        if (roles.isEmpty() && defaultRole != null) {
            roles.add(defaultRole);
        }
        return roles;
    }
}
