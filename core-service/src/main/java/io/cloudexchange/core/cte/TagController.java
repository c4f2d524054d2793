package io.cloudexchange.core.cte;

import io.cloudexchange.core.api.ConflictException;
import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.core.api.NotFoundException;
import io.cloudexchange.core.audit.AuditAction;
import io.cloudexchange.core.audit.AuditChanges;
import io.cloudexchange.core.audit.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The global tag dictionary. Deleting a tag also removes it from every indicator. */
@RestController
@RequestMapping("/api/cte/tags")
@Tag(name = "Threat Exchange")
class TagController {

    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final int MAX_NAME = 64;

    private final MongoOperations mongo;
    private final AuditLog audit;

    TagController(MongoOperations mongo, AuditLog audit) {
        this.mongo = mongo;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Every tag of the dictionary, by name")
    List<CteTag> list() {
        return mongo.find(new Query().with(Sort.by("_id")), CteTag.class);
    }

    /** A dictionary tag with the number of indicators carrying it. */
    record TagUsage(String name, String color, long indicators) {
    }

    @GetMapping("/usage")
    @Operation(summary = "Every tag of the dictionary with how many indicators carry it",
            description = "One indexed count per tag (the dictionary is small; the indicators may be millions)")
    List<TagUsage> usage() {
        return list().stream().map(tag -> new TagUsage(tag.name(), tag.color(),
                mongo.count(Query.query(Criteria.where("tags").is(tag.name())), StoredIndicator.class))).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a tag")
    CteTag create(@RequestBody CteTag tag) {
        CteTag checked = check(tag.name(), tag.color());
        if (mongo.findById(checked.name(), CteTag.class) != null) {
            throw new ConflictException("name", "a tag named '" + checked.name() + "' exists");
        }
        mongo.insert(checked);
        audit.record(AuditAction.CREATE, "cte_tag", checked.name(), AuditChanges.of().field("color", null, checked.color()));
        return checked;
    }

    @PutMapping("/{name}")
    @Operation(summary = "Change a tag's colour")
    CteTag update(@PathVariable String name, @RequestBody CteTag tag) {
        CteTag before = find(name);
        CteTag checked = check(name, tag.color());
        mongo.save(checked);
        audit.record(AuditAction.UPDATE, "cte_tag", name, AuditChanges.of().field("color", before.color(), checked.color()));
        return checked;
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a tag and remove it from every indicator")
    void delete(@PathVariable String name) {
        CteTag before = find(name);
        mongo.remove(before);
        mongo.updateMulti(Query.query(Criteria.where("tags").is(name)), new Update().pull("tags", name),
                StoredIndicator.class);
        audit.record(AuditAction.DELETE, "cte_tag", name, AuditChanges.of().field("color", before.color(), null));
    }

    private CteTag find(String name) {
        CteTag tag = mongo.findById(name, CteTag.class);
        if (tag == null) {
            throw new NotFoundException("tag", name);
        }
        return tag;
    }

    private static CteTag check(String name, String color) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            errors.put("name", "1 to " + MAX_NAME + " characters");
        }
        if (color == null || !COLOR.matcher(color).matches()) {
            errors.put("color", "a colour as #rrggbb");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors, null);
        }
        return new CteTag(name.strip(), color.toLowerCase(java.util.Locale.ROOT));
    }
}
