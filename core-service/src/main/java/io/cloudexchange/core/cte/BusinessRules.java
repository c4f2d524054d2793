package io.cloudexchange.core.cte;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.sort;

import io.cloudexchange.core.api.ConflictException;
import io.cloudexchange.core.api.NotFoundException;
import io.cloudexchange.core.audit.AuditAction;
import io.cloudexchange.core.audit.AuditChanges;
import io.cloudexchange.core.audit.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.aggregation.AggregationExpression;
import org.springframework.data.mongodb.core.aggregation.StringOperators;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.CriteriaDefinition;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Business rules: CRUD, clone, and which indicators a rule selects for sharing. */
@Service
public class BusinessRules {

    static final String AUDIT_TARGET = "cte_business_rule";

    /** Matching indicators of one type: how many, and the bytes of their values (what a list at a target holds). */
    record TypeCount(String type, long count, long size) {
    }

    record TestResult(long count, long size, List<TypeCount> byType, Integer days) {
    }

    private final MongoOperations mongo;
    private final IndicatorFilter filters;
    private final AuditLog audit;
    private final Clock clock;

    BusinessRules(MongoOperations mongo, IndicatorFilter filters, AuditLog audit, Clock clock) {
        this.mongo = mongo;
        this.filters = filters;
        this.audit = audit;
        this.clock = clock;
    }

    List<BusinessRule> list(String folder) {
        Query query = new Query().with(Sort.by("folder", "name"));
        if (folder != null && !folder.isBlank()) {
            String normalised = BusinessRuleRequest.normalisedFolder(folder);
            query.addCriteria(new Criteria().orOperator(Criteria.where("folder").is(normalised),
                    Criteria.where("folder").regex("^" + java.util.regex.Pattern.quote(normalised + "/"))));
        }
        return mongo.find(query, BusinessRule.class);
    }

    public BusinessRule get(String id) {
        BusinessRule rule = mongo.findById(id, BusinessRule.class);
        if (rule == null) {
            throw new NotFoundException("business rule", id);
        }
        return rule;
    }

    BusinessRule create(BusinessRuleRequest request) {
        request.check(filters);
        Instant now = clock.instant();
        BusinessRule rule = insert(new BusinessRule(UUID.randomUUID().toString(), request.name().strip(),
                BusinessRuleRequest.normalisedFolder(request.folder()), request.filter(), request.exceptionQuery(),
                request.exceptionTags(), Boolean.TRUE.equals(request.muted()), now, now, null));
        audit.record(AuditAction.CREATE, AUDIT_TARGET, rule.id(), changes(null, rule));
        return rule;
    }

    BusinessRule update(String id, BusinessRuleRequest request) {
        BusinessRule before = get(id);
        request.check(filters);
        if (!before.name().equals(request.name().strip()) && nameUsed(request.name().strip())) {
            throw ConflictException.nameUsed(request.name().strip());
        }
        BusinessRule saved = mongo.save(new BusinessRule(id, request.name().strip(),
                BusinessRuleRequest.normalisedFolder(request.folder()), request.filter(), request.exceptionQuery(),
                request.exceptionTags(), request.muted() == null ? before.muted() : request.muted(),
                before.createdAt(), clock.instant(), before.version()));
        audit.record(AuditAction.UPDATE, AUDIT_TARGET, id, changes(before, saved));
        return saved;
    }

    BusinessRule copy(String id, String name) {
        BusinessRule source = get(id);
        String copyName = name == null || name.isBlank() ? source.name() + " (copy)" : name.strip();
        Instant now = clock.instant();
        BusinessRule copy = insert(new BusinessRule(UUID.randomUUID().toString(), copyName, source.folder(),
                source.filter(), source.exceptionQuery(), source.exceptionTags(), source.muted(), now, now, null));
        audit.record(AuditAction.CREATE, AUDIT_TARGET, copy.id(), changes(null, copy).field("clonedFrom", null, id));
        return copy;
    }

    void delete(String id, List<String> usedBy) {
        BusinessRule before = get(id);
        if (!usedBy.isEmpty()) {
            throw new ConflictException("id", "the rule is used by sharing configurations " + usedBy);
        }
        mongo.remove(before);
        audit.record(AuditAction.DELETE, AUDIT_TARGET, id, changes(before, null));
    }

    /**
     * The filter of the active, unretracted indicators the rule shares: its query, minus its exceptions. Muted
     * rules are not checked here; callers skip them.
     */
    public Document matching(BusinessRule rule) {
        List<Document> all = new ArrayList<>();
        all.add(new Document("active", true));
        all.add(new Document("retracted", new Document("$ne", true)));
        Document filter = filters.of(rule.filter(), "filter");
        if (!filter.isEmpty()) {
            all.add(filter);
        }
        Document exception = filters.of(rule.exceptionQuery(), "exceptionQuery");
        if (!exception.isEmpty()) {
            all.add(new Document("$nor", List.of(exception)));
        }
        if (!rule.exceptionTags().isEmpty()) {
            all.add(new Document("tags", new Document("$nin", rule.exceptionTags())));
        }
        return new Document("$and", all);
    }

    /**
     * What a rule selects, for callers outside this package (the per-rule lists): its name, whether it is muted,
     * and {@link #matching} of it, narrowed to one type when {@code type} is given.
     *
     * @throws NotFoundException when there is no such rule
     */
    public RuleSelection selection(String id, String type) {
        BusinessRule rule = get(id);
        Document filter = matching(rule);
        if (type != null) {
            filter.getList("$and", Document.class).add(new Document("type", new Document("$eq", type)));
        }
        return new RuleSelection(rule.name(), rule.muted(), filter);
    }

    /** A rule's name, mute state and the MongoDB filter of the indicators it matches. */
    public record RuleSelection(String name, boolean muted, Document filter) {
    }

    /** Counts what the rule would share among indicators seen in the last {@code days} (null: all time). */
    TestResult test(BusinessRule rule, Integer days) {
        Document filter = matching(rule);
        if (days != null) {
            filter.getList("$and", Document.class).add(new Document("lastSeen",
                    new Document("$gte", Date.from(clock.instant().minus(Duration.ofDays(days))))));
        }
        CriteriaDefinition criteria = rawCriteria(filter);
        AggregationExpression bytes = StringOperators.valueOf("value").length();
        var aggregation = newAggregation(match(criteria),
                group("type").count().as("count").sum(bytes).as("size"), sort(Sort.by("_id")));
        List<TypeCount> byType = mongo.aggregate(aggregation, StoredIndicator.COLLECTION, Document.class)
                .getMappedResults().stream()
                .map(row -> new TypeCount(row.getString("_id"), number(row.get("count")), number(row.get("size"))))
                .toList();
        return new TestResult(byType.stream().mapToLong(TypeCount::count).sum(),
                byType.stream().mapToLong(TypeCount::size).sum(), byType, days);
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }

    static CriteriaDefinition rawCriteria(Document filter) {
        return new CriteriaDefinition() {
            @Override
            public Document getCriteriaObject() {
                return filter;
            }

            @Override
            public String getKey() {
                return null;
            }
        };
    }

    private BusinessRule insert(BusinessRule rule) {
        if (nameUsed(rule.name())) {
            throw ConflictException.nameUsed(rule.name());
        }
        return mongo.insert(rule);
    }

    private boolean nameUsed(String name) {
        return mongo.exists(Query.query(Criteria.where("name").is(name)), BusinessRule.class);
    }

    private static AuditChanges changes(BusinessRule before, BusinessRule after) {
        return AuditChanges.of()
                .field("name", before == null ? null : before.name(), after == null ? null : after.name())
                .field("folder", before == null ? null : before.folder(), after == null ? null : after.folder())
                .field("filter", before == null ? null : before.filter(), after == null ? null : after.filter())
                .field("exceptionQuery", before == null ? null : before.exceptionQuery(),
                        after == null ? null : after.exceptionQuery())
                .field("exceptionTags", before == null ? null : before.exceptionTags(),
                        after == null ? null : after.exceptionTags())
                .field("muted", before == null ? null : before.muted(), after == null ? null : after.muted());
    }
}
