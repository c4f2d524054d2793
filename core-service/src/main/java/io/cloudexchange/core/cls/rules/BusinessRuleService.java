package io.cloudexchange.core.cls.rules;

import io.cloudexchange.core.api.ConflictException;
import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.core.api.NotFoundException;
import io.cloudexchange.core.audit.AuditAction;
import io.cloudexchange.core.audit.AuditChanges;
import io.cloudexchange.core.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/** Business rules of the Log Shipper: validated, audited; the built-in rule "All" cannot change. */
@Service
public class BusinessRuleService {

    static final int MAX_NAME = 100;
    static final int MAX_QUERY = 10_000;
    private static final String AUDIT_TARGET = "cls_business_rule";

    private final BusinessRuleRepository repository;
    private final RecordFilters filters;
    private final AuditLog auditLog;
    private final Clock clock;

    BusinessRuleService(BusinessRuleRepository repository, RecordFilters filters, AuditLog auditLog, Clock clock) {
        this.repository = repository;
        this.filters = filters;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public List<BusinessRule> list() {
        return repository.findAll(Sort.by("name"));
    }

    public BusinessRule get(String id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("Business rule", id));
    }

    /** The compiled filter of a rule; the rule "All" (and a rule that no longer exists) matches everything. */
    public Predicate<Map<String, Object>> filter(BusinessRule rule) {
        return filters.compile(rule.query());
    }

    BusinessRule create(BusinessRuleRequest request) {
        validate(request, null);
        Instant now = clock.instant();
        BusinessRule saved = repository.insert(new BusinessRule(null, request.name().strip(), request.query(), false,
                now, now, null));
        auditLog.record(AuditAction.CREATE, AUDIT_TARGET, saved.id(), changes(null, saved));
        return saved;
    }

    BusinessRule update(String id, BusinessRuleRequest request) {
        BusinessRule existing = get(id);
        if (existing.builtIn()) {
            throw new InvalidRequestException(Map.of(), "The built-in rule '" + existing.name() + "' cannot be changed");
        }
        validate(request, id);
        BusinessRule saved = repository.save(new BusinessRule(id, request.name().strip(), request.query(), false,
                existing.createdAt(), clock.instant(), existing.version()));
        auditLog.record(AuditAction.UPDATE, AUDIT_TARGET, id, changes(existing, saved));
        return saved;
    }

    void delete(String id, boolean inUse) {
        BusinessRule existing = get(id);
        if (existing.builtIn()) {
            throw new InvalidRequestException(Map.of(), "The built-in rule '" + existing.name() + "' cannot be deleted");
        }
        if (inUse) {
            throw new InvalidRequestException(Map.of(), "The rule is used by a SIEM mapping; change or delete the mapping first");
        }
        repository.deleteById(id);
        auditLog.record(AuditAction.DELETE, AUDIT_TARGET, id, changes(existing, null));
    }

    /** Creates the built-in rule "All" when it is missing. */
    public void ensureBuiltIn() {
        if (!repository.existsById(BusinessRule.ALL_ID)) {
            Instant now = clock.instant();
            repository.save(new BusinessRule(BusinessRule.ALL_ID, BusinessRule.ALL, "", true, now, now, null));
        }
    }

    private void validate(BusinessRuleRequest request, String id) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            errors.put("name", "is required");
        } else if (name.length() > MAX_NAME) {
            errors.put("name", "must be at most " + MAX_NAME + " characters");
        }
        String query = request.query() == null ? "" : request.query();
        if (query.length() > MAX_QUERY) {
            errors.put("query", "must be at most " + MAX_QUERY + " characters");
        } else {
            try {
                filters.compile(query);
            } catch (IllegalArgumentException e) {
                errors.put("query", e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors, null);
        }
        repository.findByName(name).filter(other -> !other.id().equals(id)).ifPresent(other -> {
            throw ConflictException.nameUsed(name);
        });
    }

    private static AuditChanges changes(BusinessRule before, BusinessRule after) {
        return AuditChanges.of()
                .field("name", before == null ? null : before.name(), after == null ? null : after.name())
                .field("query", before == null ? null : before.query(), after == null ? null : after.query());
    }
}
