package io.cloudexchange.core.auth;

import io.cloudexchange.core.api.AuthenticationFailedException;
import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.core.audit.AuditAction;
import io.cloudexchange.core.audit.AuditChanges;
import io.cloudexchange.core.audit.AuditLog;
import io.cloudexchange.core.logging.PlatformLog;
import io.cloudexchange.core.security.Actor;
import io.cloudexchange.core.security.TokenIssuer;
import io.cloudexchange.core.users.PasswordPolicy;
import io.cloudexchange.core.users.User;
import io.cloudexchange.core.users.UserAccounts;
import io.cloudexchange.core.users.UserRepository;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** User sign-in with lockout, and the user's own password change. */
@Service
class SignIn {

    private static final String BAD_CREDENTIALS = "Invalid username or password";

    private final UserRepository users;
    private final UserAccounts accounts;
    private final CredentialCheck credentials;
    private final TokenIssuer tokens;
    private final PasswordPolicy passwordPolicy;
    private final PlatformLog platformLog;
    private final AuditLog auditLog;
    private final AddressThrottle throttle;
    private final Clock clock;

    SignIn(UserRepository users, UserAccounts accounts, CredentialCheck credentials, TokenIssuer tokens,
           PasswordPolicy passwordPolicy, PlatformLog platformLog, AuditLog auditLog, AddressThrottle throttle,
           Clock clock) {
        this.throttle = throttle;
        this.users = users;
        this.accounts = accounts;
        this.credentials = credentials;
        this.tokens = tokens;
        this.passwordPolicy = passwordPolicy;
        this.platformLog = platformLog;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Same answer for unknown users, wrong passwords, locked and disabled accounts. */
    TokenResponse login(String username, String password) {
        String address = AuditLog.currentSourceAddress();
        throttle.checkAllowed(address);
        User user = users.findByUsername(username).orElse(null);
        boolean passwordMatches = credentials.matches(password, user == null ? null : user.passwordHash());
        if (user == null || user.isLocked(clock.instant()) || user.disabled()) {
            auditLog.recordSignIn(AuditAction.LOGIN_FAILED, username, null);
            throttle.recordFailure(address);
            throw new AuthenticationFailedException(BAD_CREDENTIALS);
        }
        if (!passwordMatches) {
            auditLog.recordSignIn(AuditAction.LOGIN_FAILED, username, null);
            recordFailure(user.username());
            throttle.recordFailure(address);
            throw new AuthenticationFailedException(BAD_CREDENTIALS);
        }
        accounts.recordSuccessfulLogin(user.username());
        auditLog.recordSignIn(AuditAction.LOGIN, user.username(), null);
        return TokenResponse.of(tokens.forUser(user), user.mustChangePassword());
    }

    void changePassword(Actor actor, PasswordChangeRequest request) {
        if (actor.isClient()) {
            throw new AccessDeniedException("API clients cannot change passwords");
        }
        User user = users.findByUsername(actor.username())
                .orElseThrow(() -> new AuthenticationFailedException("The user no longer exists"));
        Map<String, String> errors = new LinkedHashMap<>();
        String current = request.currentPassword();
        String next = request.newPassword();
        if (current == null || current.isEmpty()) {
            errors.put("currentPassword", "is required");
        } else if (!credentials.matches(current, user.passwordHash())) {
            recordFailure(user.username());
            errors.put("currentPassword", "is not the current password");
        }
        passwordPolicy.problem(user, next).ifPresent(problem -> errors.put("newPassword", problem));
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors, null);
        }
        accounts.setPassword(user.username(), credentials.hash(next), false);
        auditLog.record(AuditAction.PASSWORD_CHANGE, "user", user.id(), AuditChanges.of().field("password", "****", "****"));
        platformLog.info(PlatformLog.PLATFORM_SOURCE, "User '" + user.username() + "' changed their password");
    }

    private void recordFailure(String username) {
        if (accounts.recordFailedLogin(username)) {
            platformLog.warn(PlatformLog.PLATFORM_SOURCE, null, "User '" + username + "' locked for "
                    + UserAccounts.LOCKOUT.toMinutes() + " minutes after " + UserAccounts.MAX_FAILED_LOGINS
                    + " failed sign-ins");
        }
    }
}
