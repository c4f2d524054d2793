package io.cloudexchange.core.auth;

import io.cloudexchange.core.api.AuthenticationFailedException;
import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.core.logging.PlatformLog;
import io.cloudexchange.core.security.Actor;
import io.cloudexchange.core.security.PasswordHashing;
import io.cloudexchange.core.security.TokenIssuer;
import io.cloudexchange.core.users.User;
import io.cloudexchange.core.users.UserAccounts;
import io.cloudexchange.core.users.UserRepository;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** User sign-in with lockout, and the user's own password change. */
@Service
class SignIn {

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final String BAD_CREDENTIALS = "Invalid username or password";

    private final UserRepository users;
    private final UserAccounts accounts;
    private final CredentialCheck credentials;
    private final TokenIssuer tokens;
    private final PlatformLog platformLog;
    private final Clock clock;

    SignIn(UserRepository users, UserAccounts accounts, CredentialCheck credentials, TokenIssuer tokens,
           PlatformLog platformLog, Clock clock) {
        this.users = users;
        this.accounts = accounts;
        this.credentials = credentials;
        this.tokens = tokens;
        this.platformLog = platformLog;
        this.clock = clock;
    }

    /** Same answer for unknown users, wrong passwords and locked accounts. */
    TokenResponse login(String username, String password) {
        User user = users.findByUsername(username).orElse(null);
        boolean passwordMatches = credentials.matches(password, user == null ? null : user.passwordHash());
        if (user == null || user.isLocked(clock.instant())) {
            throw new AuthenticationFailedException(BAD_CREDENTIALS);
        }
        if (!passwordMatches) {
            recordFailure(user.username());
            throw new AuthenticationFailedException(BAD_CREDENTIALS);
        }
        accounts.recordSuccessfulLogin(user.username());
        return TokenResponse.of(tokens.forUser(user.username(), user.roles(), user.mustChangePassword(), user.passwordChangedAt()),
                user.mustChangePassword());
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
        newPasswordProblem(next, current).ifPresent(problem -> errors.put("newPassword", problem));
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors, null);
        }
        accounts.setPassword(user.username(), credentials.hash(next), false);
        platformLog.info(PlatformLog.PLATFORM_SOURCE, "User '" + user.username() + "' changed their password");
    }

    private static Optional<String> newPasswordProblem(String next, String current) {
        if (next == null || next.isEmpty()) {
            return Optional.of("is required");
        }
        if (next.length() < MIN_PASSWORD_LENGTH) {
            return Optional.of("must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (PasswordHashing.isTooLong(next)) {
            return Optional.of("must be at most " + PasswordHashing.MAX_PASSWORD_BYTES + " bytes");
        }
        if (next.equals(current)) {
            return Optional.of("must differ from the current password");
        }
        return Optional.empty();
    }

    private void recordFailure(String username) {
        if (accounts.recordFailedLogin(username)) {
            platformLog.warn(PlatformLog.PLATFORM_SOURCE, null, "User '" + username + "' locked for "
                    + UserAccounts.LOCKOUT.toMinutes() + " minutes after " + UserAccounts.MAX_FAILED_LOGINS
                    + " failed sign-ins");
        }
    }
}
