package io.cloudexchange.core.users;

import io.cloudexchange.core.api.ConflictException;
import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.core.api.NotFoundException;
import io.cloudexchange.core.audit.AuditAction;
import io.cloudexchange.core.audit.AuditChanges;
import io.cloudexchange.core.audit.AuditLog;
import io.cloudexchange.core.security.RandomTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The super admin's management of users. The super admin role is held by exactly one user: it is never
 * granted through the API, and its holder cannot be demoted, disabled or deleted.
 */
@Service
class UserManagement {

    static final int TEMPORARY_PASSWORD_LENGTH = 20;
    private static final String WHAT = "User";
    private static final String TARGET = "user";

    private final UserRepository users;
    private final UserAccounts accounts;
    private final RolePermissions roles;
    private final PasswordEncoder encoder;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserManagement(UserRepository users, UserAccounts accounts, RolePermissions roles, PasswordEncoder encoder,
                   AuditLog auditLog, ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.accounts = accounts;
        this.roles = roles;
        this.encoder = encoder;
        this.auditLog = auditLog;
        this.events = events;
        this.clock = clock;
    }

    List<UserResponse> list() {
        return users.findAll(Sort.by("username")).stream().map(user -> UserResponse.of(user, clock)).toList();
    }

    UserResponse get(String id) {
        return UserResponse.of(find(id), clock);
    }

    TemporaryPasswordResponse create(UserRequest request) {
        requireGrantable(request.roles(), false);
        if (users.findByUsername(request.username()).isPresent()) {
            throw new ConflictException("username", "'" + request.username() + "' is already used");
        }
        String password = RandomTokens.generate(TEMPORARY_PASSWORD_LENGTH);
        boolean active = request.active() == null || request.active();
        Instant now = clock.instant();
        User created = users.insert(new User(null, request.username(), encoder.encode(password), request.roles(),
                !active, true, 0, null, null, now, now, List.of(), now));
        auditLog.record(AuditAction.CREATE, TARGET, created.id(), AuditChanges.of()
                .field("username", null, created.username())
                .field("roles", null, created.roles())
                .field("active", null, active));
        return new TemporaryPasswordResponse(UserResponse.of(created, clock), password);
    }

    UserResponse update(String id, UserUpdateRequest request) {
        User user = find(id);
        if (user.isSuperAdmin()) {
            if (!request.roles().contains(Role.SUPER_ADMIN.name())) {
                throw InvalidRequestException.field("roles", "the super admin cannot be demoted");
            }
            if (!request.active()) {
                throw InvalidRequestException.field("active", "the super admin cannot be disabled");
            }
        }
        requireGrantable(request.roles(), user.isSuperAdmin());
        boolean disabled = !request.active();
        if (user.roles().equals(request.roles()) && user.disabled() == disabled) {
            return UserResponse.of(user, clock);
        }
        accounts.setAccess(user.username(), request.roles(), disabled);
        auditLog.record(AuditAction.PERMISSION_CHANGE, TARGET, id, AuditChanges.of()
                .field("roles", user.roles(), request.roles())
                .field("active", !user.disabled(), request.active()));
        return get(id);
    }

    void delete(String id) {
        User user = find(id);
        if (user.isSuperAdmin()) {
            throw new InvalidRequestException(Map.of(), "The super admin cannot be deleted");
        }
        users.deleteById(id);
        events.publishEvent(new UserDeletedEvent(user.username()));
        auditLog.record(AuditAction.DELETE, TARGET, id, AuditChanges.of()
                .field("username", user.username(), null)
                .field("roles", user.roles(), null));
    }

    TemporaryPasswordResponse resetPassword(String id) {
        User user = find(id);
        String password = RandomTokens.generate(TEMPORARY_PASSWORD_LENGTH);
        accounts.setPassword(user.username(), encoder.encode(password), true);
        auditLog.record(AuditAction.PASSWORD_RESET, TARGET, id, AuditChanges.of()
                .field("password", "****", "****"));
        return new TemporaryPasswordResponse(get(id), password);
    }

    private void requireGrantable(Set<String> requested, boolean holdsSuperAdmin) {
        for (String role : requested) {
            if (Role.SUPER_ADMIN.name().equals(role) && !holdsSuperAdmin) {
                throw InvalidRequestException.field("roles", "SUPER_ADMIN is held by exactly one user and cannot be granted");
            }
            if (!roles.exists(role)) {
                throw InvalidRequestException.field("roles", "unknown role '" + role + "'");
            }
        }
    }

    private User find(String id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException(WHAT, id));
    }
}
