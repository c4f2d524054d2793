package io.cloudexchange.core.users;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.cloudexchange.core.api.ConflictException;
import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.core.api.NotFoundException;
import io.cloudexchange.core.audit.AuditAction;
import io.cloudexchange.core.audit.AuditChanges;
import io.cloudexchange.core.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * The super admin's management of custom roles. Built-in roles are listed but cannot change. A changed
 * role applies to its holders' existing tokens within {@link RolePermissions#CACHE_TTL}.
 */
@Service
class RoleManagement {

    private static final String WHAT = "Role";
    private static final String TARGET = "role";

    private final CustomRoleRepository customRoles;
    private final RolePermissions permissions;
    private final MongoTemplate mongo;
    private final AuditLog auditLog;
    private final Clock clock;

    RoleManagement(CustomRoleRepository customRoles, RolePermissions permissions, MongoTemplate mongo,
                   AuditLog auditLog, Clock clock) {
        this.customRoles = customRoles;
        this.permissions = permissions;
        this.mongo = mongo;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    List<RoleResponse> list() {
        List<RoleResponse> all = new ArrayList<>();
        for (Role role : Role.values()) {
            all.add(RoleResponse.of(role));
        }
        customRoles.findAll(Sort.by("_id")).forEach(role -> all.add(RoleResponse.of(role)));
        return all;
    }

    RoleResponse get(String name) {
        return Role.named(name).map(RoleResponse::of).orElseGet(() -> RoleResponse.of(find(name)));
    }

    RoleResponse create(RoleRequest request) {
        if (Role.named(request.name()).isPresent() || customRoles.existsById(request.name())) {
            throw ConflictException.nameUsed(request.name());
        }
        Instant now = clock.instant();
        CustomRole created = customRoles.insert(new CustomRole(request.name(), description(request),
                request.permissions(), now, now));
        permissions.forget();
        auditLog.record(AuditAction.CREATE, TARGET, created.name(), AuditChanges.of()
                .field("description", null, created.description())
                .fields("permissions", Map.of(), created.permissions()));
        return RoleResponse.of(created);
    }

    RoleResponse update(String name, RoleRequest request) {
        refuseBuiltIn(name, "changed");
        CustomRole existing = find(name);
        if (!name.equals(request.name())) {
            throw InvalidRequestException.field("name", "cannot be changed");
        }
        CustomRole updated = customRoles.save(new CustomRole(name, description(request), request.permissions(),
                existing.createdAt(), clock.instant()));
        permissions.forget();
        auditLog.record(AuditAction.PERMISSION_CHANGE, TARGET, name, AuditChanges.of()
                .field("description", existing.description(), updated.description())
                .fields("permissions", existing.permissions(), updated.permissions()));
        return RoleResponse.of(updated);
    }

    void delete(String name) {
        refuseBuiltIn(name, "deleted");
        CustomRole existing = find(name);
        long holders = mongo.count(query(where("roles").is(name)), User.class);
        if (holders > 0) {
            throw new InvalidRequestException(Map.of(), "Role '" + name + "' is held by " + holders
                    + " user(s); take it from them first");
        }
        customRoles.deleteById(name);
        permissions.forget();
        auditLog.record(AuditAction.DELETE, TARGET, name, AuditChanges.of()
                .field("description", existing.description(), null)
                .fields("permissions", existing.permissions(), Map.of()));
    }

    private static String description(RoleRequest request) {
        return request.description() == null ? "" : request.description().strip();
    }

    private static void refuseBuiltIn(String name, String verb) {
        if (Role.named(name).isPresent()) {
            throw new InvalidRequestException(Map.of(), "Built-in role " + name + " cannot be " + verb);
        }
    }

    private CustomRole find(String name) {
        return customRoles.findById(name).orElseThrow(() -> new NotFoundException(WHAT, name));
    }
}
